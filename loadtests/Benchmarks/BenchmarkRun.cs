namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>One timed replication.</summary>
public sealed record BenchmarkRun(long Customers, long Events, TimeSpan Elapsed)
{
    public double CustomersPerSecond => Customers / Elapsed.TotalSeconds;

    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}
