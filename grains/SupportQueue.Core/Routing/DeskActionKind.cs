namespace SupportQueue.Core.Routing;

/// <summary>What the desk did on its own when time advanced.</summary>
public enum DeskActionKind
{
    /// <summary>A ticket waited too long and moved up a tier.</summary>
    WaitEscalated,

    /// <summary>An offer was not answered in time; the ticket is back in its queue.</summary>
    OfferExpired,
}
