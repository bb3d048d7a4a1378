namespace SupportQueue.Core.Routing;

/// <summary>A ticket given to an agent, by handles, and the index of the tier whose queue it left.</summary>
public readonly record struct Assignment(int Ticket, int Agent, int Tier);
