using SupportQueue.Core.Model;

namespace SupportQueue.Core.Cumulative;

/// <summary>The counts of one tier and priority over one period, as stored with the desk.</summary>
/// <param name="Tier">The tier where it happened: the entry tier for an offer, the queue's tier for an answer or an abandon.</param>
/// <param name="Priority">The ticket's priority.</param>
/// <param name="Offered">New tickets that entered the desk (reopened ones are not offered again).</param>
/// <param name="Answered">First responses: an agent took the ticket for the first time.</param>
/// <param name="AnsweredWithinTarget">First responses within the priority's first-response target (no target counts as within).</param>
/// <param name="Abandoned">Customers who left before their first response.</param>
/// <param name="WaitTicks">Total wait of the answered tickets, creation to first response, in ticks.</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.StatisticsCell")]
public sealed record StatisticsCell(
    [property: Id(0)] string Tier,
    [property: Id(1)] Priority Priority,
    [property: Id(2)] long Offered,
    [property: Id(3)] long Answered,
    [property: Id(4)] long AnsweredWithinTarget,
    [property: Id(5)] long Abandoned,
    [property: Id(6)] long WaitTicks);
