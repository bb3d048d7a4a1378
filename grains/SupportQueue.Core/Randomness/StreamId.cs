namespace SupportQueue.Core.Randomness;

/// <summary>
/// One independent random stream per source of randomness, so that changing how one source is
/// consumed (e.g. a routing policy drawing more often) leaves every other source's sequence intact:
/// the basis of comparing policies on common random numbers.
/// </summary>
public enum StreamId
{
    Arrivals = 1,
    TicketClass = 2,
    Handling = 3,
    Patience = 4,
    Escalation = 5,
    Reopen = 6,
    Shrinkage = 7,
    Routing = 8,
}
