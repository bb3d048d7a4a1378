using Orleans.Storage;

namespace SupportQueue.Grains;

/// <summary>How the ticket and agent grains save their state.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Writes the state. When the write fails, the activation reads back what storage holds before
    /// the failure goes up to the caller, so it never goes on from a change that was not stored:
    /// the grains change their state in place before writing, and a ticket that kept an unsaved
    /// "held by X" would answer X's next offer with "already yours" and never store it. A write
    /// that failed after storage applied it reads back as applied, which is then the truth. If the
    /// read fails too, the activation is deactivated, and the next call starts from storage.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain, CancellationToken cancellationToken = default)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await ReloadAsync(state, grain);
            throw Wrapped(ex, grain);
        }
    }

    /// <summary>
    /// The failure as it may cross silos: an etag conflict (Orleans' own, serializable) stays as
    /// it is; anything else from storage becomes a <see cref="StorageUnavailableException"/>.
    /// </summary>
    public static Exception Wrapped(Exception ex, IGrainBase grain) =>
        ex is InconsistentStateException or StorageUnavailableException
            ? ex
            : StorageUnavailableException.From($"storing {grain.GrainContext.GrainId}", ex);

    private static async Task ReloadAsync<T>(IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.ReadStateAsync();
        }
#pragma warning disable CA1031 // Whatever the read throws, the answer is the same: start afresh from storage.
        catch (Exception)
#pragma warning restore CA1031
        {
            grain.DeactivateOnIdle();
        }
    }
}
