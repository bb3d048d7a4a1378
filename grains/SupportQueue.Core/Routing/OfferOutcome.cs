namespace SupportQueue.Core.Routing;

/// <summary>How an offer ended, as reported by the agent side.</summary>
public enum OfferOutcome
{
    Accepted,

    /// <summary>The agent could not take it (busy, on a break, offline, failed to answer).</summary>
    Declined,

    /// <summary>The ticket no longer needs an agent: it was resolved, abandoned or is held elsewhere.</summary>
    TicketGone,
}
