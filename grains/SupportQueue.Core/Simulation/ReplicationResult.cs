using System.Collections.Immutable;

namespace SupportQueue.Core.Simulation;

/// <summary>Everything one replication produced.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ReplicationResult")]
public sealed record ReplicationResult(
    [property: Id(0)] int Replication,
    [property: Id(1)] int IntervalMinutes,
    [property: Id(2)] ImmutableArray<TierSeries> Tiers,
    [property: Id(3)] ImmutableArray<PrioritySeries> Priorities,
    [property: Id(4)] ReplicationTotals Totals,
    [property: Id(5)] ImmutableArray<TicketOutcome> Outcomes,
    [property: Id(6)] long Events,
    [property: Id(7)] ImmutableArray<double> ExpectedArrivals);
