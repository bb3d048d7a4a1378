using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>Per-interval counters of one tier in one replication. Arrays are indexed by interval.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TierSeries")]
public sealed record TierSeries(
    [property: Id(0)] string Tier,
    [property: Id(1)] ImmutableArray<long> Offered,
    [property: Id(2)] ImmutableArray<long> Answered,
    [property: Id(3)] ImmutableArray<long> AnsweredWithin,
    [property: Id(4)] ImmutableArray<long> Abandoned,
    [property: Id(5)] ImmutableArray<double> WaitMinutes,
    [property: Id(6)] ImmutableArray<long> EscalatedOut,
    [property: Id(7)] ImmutableArray<double> StaffedMinutes,
    [property: Id(8)] ImmutableArray<double> BusyMinutes,
    [property: Id(9)] ImmutableArray<long> Backlog,
    [property: Id(10)] ImmutableArray<double> HandleMinutes,
    [property: Id(11)] ImmutableArray<long> Handled);

/// <summary>Per-interval counters of one priority in one replication (by arrival interval).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.PrioritySeries")]
public sealed record PrioritySeries(
    [property: Id(0)] Priority Priority,
    [property: Id(1)] ImmutableArray<long> Arrivals,
    [property: Id(2)] ImmutableArray<long> FirstResponseMet,
    [property: Id(3)] ImmutableArray<long> FirstResponseMissed,
    [property: Id(4)] ImmutableArray<long> ResolutionMet,
    [property: Id(5)] ImmutableArray<long> ResolutionMissed,
    [property: Id(6)] ImmutableArray<long> Abandoned);

/// <summary>Scalar results of one replication, the quantities that get confidence intervals.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ReplicationTotals")]
public sealed record ReplicationTotals(
    [property: Id(0)] ImmutableDictionary<string, double> Values);

/// <summary>What happened to one ticket: its path through the tiers. Used to compare runs ticket by ticket.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TicketOutcome")]
public sealed record TicketOutcome(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string Class,
    [property: Id(2)] Priority Priority,
    [property: Id(3)] double CreatedMinutes,
    [property: Id(4)] string Path,
    [property: Id(5)] string Ending,
    [property: Id(6)] double EndMinutes);

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
