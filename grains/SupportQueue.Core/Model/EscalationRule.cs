namespace SupportQueue.Core.Model;

/// <summary>
/// One declarative escalation rule. Which fields matter depends on <see cref="Kind"/>; see
/// <see cref="EscalationRuleKind"/>. Flat on purpose: it reads naturally in JSON settings files.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.EscalationRule")]
public sealed record EscalationRule(
    [property: Id(0)] EscalationRuleKind Kind,
    [property: Id(1)] string? Tier = null,
    [property: Id(2)] TimeSpan? After = null,
    [property: Id(3)] Priority? Priority = null,
    [property: Id(4)] string? EntryTier = null,
    [property: Id(5)] int? MaxQueueLength = null,
    [property: Id(6)] TimeSpan? MaxExpectedWait = null);
