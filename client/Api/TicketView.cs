using SupportQueue.Core.Model;

namespace SupportQueue.Client.Api;

/// <summary>A ticket as the CLI shows it: the grain's view plus SLA verdicts at the time of asking.</summary>
public sealed record TicketView(Ticket Ticket, SlaOutcome Sla);
