namespace SupportQueue.Core.Escalation;

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
