using System.Collections.Immutable;

namespace SupportQueue.Silo.Api;

/// <summary>A period's figures in total, per tier and per priority.</summary>
public sealed record StatisticsWindowResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    StatisticsFiguresResponse Total,
    ImmutableArray<StatisticsFiguresResponse> Tiers,
    ImmutableArray<StatisticsFiguresResponse> Priorities);
