using System.Collections.Immutable;

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
