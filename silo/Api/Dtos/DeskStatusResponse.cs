using System.Collections.Immutable;

namespace SupportQueue.Silo.Api;

/// <summary>A desk's live counters: per tier, SLA per priority, and totals since the desk (re)started.</summary>
public sealed record DeskStatusResponse(
    string DeskId,
    DateTimeOffset At,
    ImmutableArray<TierStatusResponse> Tiers,
    ImmutableArray<SlaCountersResponse> Sla,
    long Submitted,
    long Resolved,
    long Abandoned,
    long Escalations,
    int Open,
    long Reopened,
    long Withdrawn);
