namespace SupportQueue.Grains;

/// <summary>What <see cref="DeskDiagnostics"/> needs from the desk grain it is attached to.</summary>
internal interface IDiagnosableDesk
{
    void CheckInvariants();

    void EnableJournal();

    Task<SettleReport> DrainJournal();
}
