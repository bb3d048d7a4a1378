using System.Collections.Immutable;

namespace SupportQueue.Core.Routing;

[GenerateSerializer, Immutable, Alias("SupportQueue.DeskStatus")]
public sealed record DeskStatus(
    [property: Id(0)] string DeskId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ImmutableArray<TierStatus> Tiers,
    [property: Id(3)] ImmutableArray<SlaCounters> Sla,
    [property: Id(4)] long Submitted,
    [property: Id(5)] long Resolved,
    [property: Id(6)] long Abandoned,
    [property: Id(7)] long Escalations,
    [property: Id(8)] int Open,
    [property: Id(9)] long Reopened = 0,
    [property: Id(10)] long Withdrawn = 0);
