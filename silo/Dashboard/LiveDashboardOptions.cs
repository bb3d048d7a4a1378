namespace SupportQueue.Silo.Dashboard;

/// <summary>Settings under <c>SupportQueue:Dashboard</c>.</summary>
public sealed class LiveDashboardOptions
{
    public const string SectionName = "SupportQueue:Dashboard";

    /// <summary>Serve the Orleans Dashboard at /dashboard (cluster admin keys only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Time every grain call for the Dashboard's request figures (requests per second, error rate,
    /// latency, and calls, failures and latency per grain method). On by default: without it those
    /// figures read zero however busy the silo is. Its grain call filter puts every call of the silo,
    /// storage writes included, through Orleans' filtered invoker path, which costs about a tenth of
    /// the CPU per live ticket (docs/performance.md), so a silo tuned for throughput may turn it off.
    /// </summary>
    public bool Profiler { get; set; } = true;
}
