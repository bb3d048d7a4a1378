using System.Collections.Immutable;
using Orleans.Serialization;
using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>A sealed page of a recorder bucket (<see cref="IRecordPageGrain"/>): written once, read by exports.</summary>
[GrainType("ticketrecordpage")]
public sealed class RecordPageGrain(
    [PersistentState("page", SupportQueueStorage.Name)] IPersistentState<RecordPageState> state,
    Serializer<TicketHistoryRecord> serializer) : Grain, IRecordPageGrain
{
    public async Task Store(ImmutableArray<byte[]> records)
    {
        state.State = new RecordPageState { Records = [.. records] };
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not kept in memory as if stored: the bucket writes the page again.
            state.State = new RecordPageState();
            this.DeactivateOnIdle();
            throw StateWrites.Wrapped(ex, this);
        }

        // Written once; the bucket never asks again, and an export reads it from storage.
        this.DeactivateOnIdle();
    }

    public Task<ImmutableArray<TicketHistoryRecord>> Read()
    {
        this.DeactivateOnIdle();
        return Task.FromResult<ImmutableArray<TicketHistoryRecord>>([.. state.State.Unencoded, .. serializer.Decode(state.State.Records)]);
    }
}
