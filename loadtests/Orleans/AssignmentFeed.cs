using SupportQueue.Core.Routing;
using SupportQueue.Grains;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// Tells the load target the moment an agent grain accepts an offer. Installed as an incoming call
/// filter on in-process silos only (it is test instrumentation, not part of the product): the filter
/// runs on the agent's activation right after <see cref="IAgentGrain.Offer"/> returns Accepted, by which
/// time the ticket grain has recorded the assignment, so submit→assign is measured to within the
/// filter's own microseconds instead of a polling interval.
/// </summary>
public sealed class AssignmentFeed
{
    private volatile Action<string, string>? _subscriber;

    /// <summary>Receives (ticket id, agent id); must return quickly, it runs on the silo's scheduler.</summary>
    public void Subscribe(Action<string, string>? onAssigned) => _subscriber = onAssigned;

    internal void Publish(string ticketId, string agentId) => _subscriber?.Invoke(ticketId, agentId);

    /// <summary>The filter to register on each silo.</summary>
    public async Task FilterAsync(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.Result is OfferReply { Outcome: OfferOutcome.Accepted } &&
            context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is Offer offer)
        {
            Publish(offer.TicketId, offer.AgentId);
        }
    }
}
