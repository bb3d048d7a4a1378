using System.Collections.Immutable;

namespace SupportQueue.Core.Routing;

/// <summary>
/// A desk's running totals, as a host keeps them across a restart: the queues are rebuilt from the
/// tickets' own records, but what the desk counted (resolved, abandoned, SLA met …) is nowhere else.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.DeskCounts")]
public sealed record DeskCounts(
    [property: Id(0)] long Submitted,
    [property: Id(1)] long Resolved,
    [property: Id(2)] long Reopened,
    [property: Id(3)] long Abandoned,
    [property: Id(4)] long Escalations,
    [property: Id(5)] long Withdrawn,
    [property: Id(6)] ImmutableArray<SlaCounters> Sla)
{
    // Value equality over the SLA counters too (ImmutableArray compares by reference), so a host
    // can tell whether anything changed since it last stored them.
    public bool Equals(DeskCounts? other) =>
        other is not null
        && (Submitted, Resolved, Reopened, Abandoned, Escalations, Withdrawn) == (other.Submitted, other.Resolved, other.Reopened, other.Abandoned, other.Escalations, other.Withdrawn)
        && Sla.AsSpan().SequenceEqual(other.Sla.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Submitted, Resolved, Abandoned, Escalations);
}
