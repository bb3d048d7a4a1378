namespace SupportQueue.Silo.Dashboard;

/// <summary>Settings under <c>SupportQueue:Dashboard</c>.</summary>
public sealed class LiveDashboardOptions
{
    public const string SectionName = "SupportQueue:Dashboard";

    /// <summary>Serve the Orleans Dashboard at /dashboard (cluster admin keys only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Time every grain call for the Dashboard's method table (calls, failures and latency per grain
    /// method). Off by default: its grain call filter puts every call of the silo, storage writes
    /// included, through Orleans' filtered invoker path, which cost about a tenth of the CPU per
    /// live ticket (docs/performance.md). Silos, grain types, activations and reminders show without it.
    /// </summary>
    public bool Profiler { get; set; }
}
