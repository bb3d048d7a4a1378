namespace SupportQueue.Core.Simulation;

/// <summary>
/// A journal entry as a driver hands it back to the run: the ticket itself, the agent's index in
/// the list given to <see cref="IDeskDriver.Configure"/>, and the index of the tier (where the
/// ticket was assigned, or where a wait escalation queued it).
/// </summary>
public readonly record struct SettleEntry(JournalKind Kind, SimulatedTicket Ticket, int Agent, int Tier, DateTimeOffset At);
