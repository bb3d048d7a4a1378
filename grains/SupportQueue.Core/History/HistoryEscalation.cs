namespace SupportQueue.Core.History;

/// <summary>One escalation of a recorded ticket: from which tier to which, and why (free text, may be empty).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.HistoryEscalation")]
public sealed record HistoryEscalation([property: Id(0)] string From, [property: Id(1)] string To, [property: Id(2)] string Reason);
