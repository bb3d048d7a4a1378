namespace SupportQueue.Core.Planning;

/// <summary>
/// A break every shift of a template takes: <see cref="Length"/> long, starting between
/// <see cref="EarliestStart"/> and <see cref="LatestStart"/> after the shift starts, on multiples
/// of <see cref="Step"/> from the earliest start (null: the scenario's interval). The solver places
/// it, so breaks can be staggered; <see cref="Paid"/> breaks count as paid time. A template's
/// breaks are taken in the order listed and do not overlap.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.BreakRuleSpec")]
public sealed record BreakRuleSpec(
    [property: Id(0)] TimeSpan Length,
    [property: Id(1)] TimeSpan EarliestStart,
    [property: Id(2)] TimeSpan LatestStart,
    [property: Id(3)] bool Paid = false,
    [property: Id(4)] TimeSpan? Step = null);
