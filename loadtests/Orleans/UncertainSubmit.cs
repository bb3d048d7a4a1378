using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// A submit whose caller heard an error or no answer (typically a call in flight on a killed
/// silo), as the audit found it afterwards: stored (then it is counted like any other ticket) or
/// not (then nothing was left behind). Status is the stored ticket's, null when not stored.
/// </summary>
public sealed record UncertainSubmit(string TicketId, bool Stored, TicketStatus? Status);
