namespace SupportQueue.Core.Routing;

/// <summary>
/// The agent escalation that put an offered ticket where it waits, sent along with the offer while
/// nothing else has happened to the ticket since: the ticket's own record may still say that agent
/// holds it (its silo died, or its write failed, after the desk moved it), and it then applies the
/// escalation first instead of refusing a ticket it believes is taken.
/// </summary>
/// <param name="AgentId">The agent that escalated the ticket.</param>
/// <param name="Tier">The tier the escalation queued it at.</param>
/// <param name="At">When the desk escalated it.</param>
/// <param name="Reason">The reason the ticket records: the policy's, else the agent's.</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.UnconfirmedEscalation")]
public sealed record UnconfirmedEscalation(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Tier,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason);
