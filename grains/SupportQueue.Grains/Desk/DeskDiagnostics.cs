namespace SupportQueue.Grains;

/// <summary>
/// The <see cref="IDeskDiagnostics"/> extension: created by Orleans per desk activation on the
/// first call, it forwards to the desk grain, whose turn (and reentrancy) it runs in.
/// </summary>
internal sealed class DeskDiagnostics(IGrainContext context) : IDeskDiagnostics
{
    private IDiagnosableDesk Desk => context.GrainInstance as IDiagnosableDesk
        ?? throw new InvalidOperationException($"{context.GrainId} is not a desk: desk diagnostics apply to desk scheduler grains only.");

    public Task CheckInvariants()
    {
        Desk.CheckInvariants();
        return Task.CompletedTask;
    }

    public Task EnableJournal()
    {
        Desk.EnableJournal();
        return Task.CompletedTask;
    }

    public Task<SettleReport> DrainJournal() => Desk.DrainJournal();
}
