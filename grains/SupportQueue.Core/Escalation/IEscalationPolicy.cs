using SupportQueue.Core.Model;

namespace SupportQueue.Core.Escalation;

/// <summary>
/// What an escalation policy may know about a ticket. <see cref="TicketId"/> is empty for a ticket
/// its host addresses by handle alone (the in-process simulator's).
/// </summary>
public readonly record struct TicketView(string TicketId, Priority Priority, IReadOnlyList<string> Skills, string? RequestedEntryTier);

/// <summary>What an escalation policy may know about the desk, read at the moment of the decision.</summary>
public interface IDeskView
{
    DeskSettings Settings { get; }

    /// <summary>Tickets waiting (or being offered) at the tier.</summary>
    int QueueLength(int tier);

    /// <summary>Estimated wait for a ticket joining the tier's queue now; <see cref="TimeSpan.MaxValue"/> when nobody is available.</summary>
    TimeSpan ExpectedWait(int tier);

    /// <summary>Whether some agent of the tier (whatever their presence) holds every one of the skills.</summary>
    bool TierHasSkills(int tier, IReadOnlyList<string> skills);
}

/// <summary>A redirection decided by a policy: the tier to use and, when it differs, why.</summary>
public readonly record struct TierDecision(int Tier, string? Reason);

/// <summary>
/// Decides where tickets enter and when they move up. Pure: every input is an argument, so the
/// live desk and the simulator get the same answers. Implement it to plug in a custom policy.
/// </summary>
public interface IEscalationPolicy
{
    /// <summary>The tier a new or reopened ticket enters at (severity bypass lives here).</summary>
    TierDecision EntryTier(TicketView ticket, IDeskView desk);

    /// <summary>
    /// Called before a ticket joins <paramref name="tier"/>'s queue; may send it higher
    /// (overflow, skill gap). Must return a tier ≥ <paramref name="tier"/>.
    /// </summary>
    TierDecision Redirect(TicketView ticket, int tier, IDeskView desk);

    /// <summary>How long the ticket may wait in the tier's queue before the desk escalates it; null = no limit.</summary>
    TimeSpan? WaitLimit(TicketView ticket, int tier, IDeskView desk);

    /// <summary>Where an agent-initiated escalation from <paramref name="fromTier"/> goes; -1 when there is no higher tier.</summary>
    int EscalationTarget(TicketView ticket, int fromTier, IDeskView desk);

    /// <summary>
    /// False only when <see cref="WaitLimit"/> is null for every ticket and tier: the desk then skips
    /// the deadline bookkeeping when it queues a ticket. A policy that cannot promise it keeps the default.
    /// </summary>
    bool MayLimitWait => true;

    /// <summary>
    /// True only when a ticket that requests no entry tier always enters at the first tier and
    /// <see cref="Redirect"/> keeps it there, both with no reason: the desk then admits such tickets
    /// without asking. A policy that cannot promise it keeps the default.
    /// </summary>
    bool AdmitsAtFirstTier => false;
}
