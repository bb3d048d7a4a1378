namespace SupportQueue.Grains;

/// <summary>
/// The list of configured desks. Desks tell it on every configure (a no-op once listed), so the
/// list is only ever as large as the number of real desks, never grown by lookups of unknown ids.
/// </summary>
public sealed class DeskRegistryGrain(
    [PersistentState("registry", SupportQueueStorage.Name)] IPersistentState<DeskRegistryState> state) : Grain, IDeskRegistryGrain
{
    public async Task Add(string deskId)
    {
        ArgumentException.ThrowIfNullOrEmpty(deskId);
        if (state.State.DeskIds.Contains(deskId))
        {
            return;
        }

        state.State.DeskIds.Add(deskId);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, so not listed: the next configure of this desk tries again.
            state.State.DeskIds.Remove(deskId);
            throw;
        }
    }

    public Task<DeskIdPage> List(int skip, int take) =>
        Task.FromResult(new DeskIdPage(state.State.DeskIds.Count, [.. state.State.DeskIds.Skip(Math.Max(0, skip)).Take(Math.Max(0, take))]));
}
