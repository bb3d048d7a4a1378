using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>An agent in a desk's pool as the desk sees it; load counts held tickets and offers out.</summary>
public sealed record DeskAgentResponse(string AgentId, string Tier, Presence Presence, int Capacity, int Load);
