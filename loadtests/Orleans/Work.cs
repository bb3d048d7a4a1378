namespace SupportQueue.LoadTests.Orleans;

/// <summary>One assignment handed to a synthetic agent.</summary>
internal sealed record Work(string TicketId, long Number, int Visit);
