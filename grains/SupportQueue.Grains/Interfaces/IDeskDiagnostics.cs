namespace SupportQueue.Grains;

/// <summary>
/// A desk's hooks for simulation and tests: the engine's invariant audit and the journal grain
/// mode replays. A grain extension, not part of <see cref="IDeskSchedulerGrain"/>, so production
/// silos do not serve it: only silos that call
/// <see cref="DeskDiagnosticsSiloBuilderExtensions.AddDeskDiagnostics"/> (grain-mode simulation,
/// test and load-test silos) answer it; elsewhere a call fails with GrainExtensionNotInstalledException.
/// Reach it with <c>desk.AsReference&lt;IDeskDiagnostics&gt;()</c>.
/// </summary>
[Alias("SupportQueue.Grains.IDeskDiagnostics")]
public interface IDeskDiagnostics : IGrainExtension
{
    /// <summary>Runs the invariant audit of the desk's engine; throws describing the first violation.</summary>
    [Alias("CheckInvariants")]
    Task CheckInvariants();

    /// <summary>
    /// From now on the desk records every assignment and every wait-timeout escalation it makes,
    /// for <see cref="DrainJournal"/>.
    /// </summary>
    [Alias("EnableJournal")]
    Task EnableJournal();

    /// <summary>
    /// Waits as <see cref="IDeskSchedulerGrain.WhenIdle"/> does, then returns and forgets what the
    /// journal recorded since the last drain, with the desk's next deadline. Empty when the
    /// journal is off.
    /// </summary>
    [Alias("DrainJournal")]
    Task<SettleReport> DrainJournal();
}
