namespace SupportQueue.Core.Routing;

/// <summary>
/// An agent's escalation as asked (<see cref="RequestedTier"/>: the tier named in the request, -1
/// when the policy chose), as answered, and as the ticket records it (<see cref="Unconfirmed"/>,
/// which names the agent and is sent with the ticket's next offer).
/// </summary>
internal sealed record AgentEscalation(int RequestedTier, Placement Placement, UnconfirmedEscalation Unconfirmed);
