namespace SupportQueue.Silo.Dashboard;

/// <summary>Settings under <c>SupportQueue:Dashboard</c>.</summary>
public sealed class LiveDashboardOptions
{
    public const string SectionName = "SupportQueue:Dashboard";

    /// <summary>
    /// Serve the Orleans Dashboard at /dashboard (cluster admin keys only). Its profiler times every
    /// grain call, so a silo tuned for throughput may turn it off.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
