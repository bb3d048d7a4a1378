using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>Everything read back from the cluster after a run, for the invariant check.</summary>
/// <param name="Submitted">Tickets whose submit returned success: each must exist.</param>
/// <param name="Uncertain">Tickets whose submit failed in a way that leaves it unknown whether it was stored (timeouts, lost silos), or had not answered when the audit began: counted when they exist.</param>
/// <param name="Tickets">Ticket id → the ticket as read, or null when the grain says it does not exist.</param>
/// <param name="Agents">Every synthetic agent as read.</param>
/// <param name="Status">The desk's counters, read after the tickets settled.</param>
/// <param name="DeskAuditError">What <c>DeskSchedulerGrain.CheckInvariants</c> threw, or null when it passed.</param>
public sealed record AuditInput(
    IReadOnlyCollection<string> Submitted,
    IReadOnlyCollection<string> Uncertain,
    IReadOnlyDictionary<string, Ticket?> Tickets,
    IReadOnlyList<Agent> Agents,
    DeskStatus? Status,
    string? DeskAuditError)
{
    /// <summary>Grains that could not be read back (other than tickets that do not exist): each is a violation.</summary>
    public IReadOnlyList<string> ReadErrors { get; init; } = [];
}
