using System.Collections.Immutable;

namespace SupportQueue.Silo.Wallboard;

/// <summary>What a desk's wallboard shows: per tier and in total, now and today, with the desk's service-level target.</summary>
public sealed record WallboardResponse(
    string DeskId,
    DateTimeOffset At,
    string TimeZone,
    double ServiceLevelTarget,
    WallboardTierResponse Total,
    ImmutableArray<WallboardTierResponse> Tiers);
