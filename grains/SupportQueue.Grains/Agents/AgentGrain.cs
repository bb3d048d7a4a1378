using Microsoft.Extensions.DependencyInjection;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>
/// Hosts one <see cref="Agent"/>: presence and held tickets. It refuses any offer beyond the
/// agent's capacity, whatever the desk believes, so capacity can never be exceeded.
/// </summary>
[GrainType("agent")]
public sealed class AgentGrain(
    [PersistentState("agent", SupportQueueStorage.Name)] IPersistentState<Agent> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IEnumerable<IAssignmentObserver> observers) : Grain, IAgentGrain
{
    private readonly IAssignmentObserver[] _observers = [.. observers];

    private Agent Current => state.State.Exists ? state.State : throw SupportQueueException.UnknownAgent(this.GetPrimaryKeyString());

    // Grain references are kept: each GrainReferences lookup still builds an id and a proxy.
    private IDeskSchedulerGrain? _desk;

    private IDeskSchedulerGrain Desk => _desk ??= GrainFactory.Desk(Current.DeskId);

    /// <summary>
    /// A reactivated agent checks the tickets its record lists against the tickets' own records:
    /// a write lost with a dead silo must not keep a slot taken (see <see cref="Agent.ForgetUnlessHolder"/>).
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists || state.State.Assignments.Count == 0)
        {
            return;
        }

        var agent = state.State;
        var changed = false;
        foreach (var ticketId in agent.Assignments.ToArray())
        {
            Ticket? ticket;
            try
            {
                ticket = await GrainFactory.Ticket(ticketId).Get();
            }
            catch (SupportQueueException ex) when (ex.Code == RefusalCode.UnknownTicket)
            {
                ticket = null;
            }

            changed |= agent.ForgetUnlessHolder(ticketId, ticket);
        }

        if (changed)
        {
            await state.WriteOrReloadAsync(this, cancellationToken);
        }
    }

    public async Task<Agent> Register(AgentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.AgentId != this.GetPrimaryKeyString())
        {
            throw SupportQueueException.Invalid("agentId", spec.AgentId, $"does not match the grain key '{this.GetPrimaryKeyString()}'");
        }

        // Every check the engine makes comes before any desk is told: a refused request changes
        // nothing anywhere (a desk told first would pool an agent that belongs elsewhere).
        if (state.State.Exists)
        {
            state.State.RequireSameDesk(spec);
        }

        var desk = GrainFactory.Desk(spec.DeskId);
        var settings = await desk.GetSettings();
        spec.Validate(settings);
        var now = clock.GetUtcNow();
        Agent agent;
        if (state.State.Exists)
        {
            agent = state.State;
            if (agent.Tier != settings.Tiers[settings.TierIndex(spec.Tier)].Name && agent.Assignments.Count > 0)
            {
                throw SupportQueueException.Invalid("tier", spec.Tier, $"agent '{agent.Id}' still holds {agent.Assignments.Count} ticket(s)");
            }

            var updated = Agent.Create(spec, settings, now);
            await desk.RegisterAgent(updated.ToSpec(), agent.Presence);
            agent.Reconfigure(spec, settings);
        }
        else
        {
            agent = Agent.Create(spec, settings, now);
            await desk.RegisterAgent(agent.ToSpec(), agent.Presence);
            state.State = agent;
        }

        await state.WriteOrReloadAsync(this);
        _desk = null;
        return agent;
    }

    public Task<Agent> Get() => Task.FromResult(Current);

    public async Task SetPresence(Presence presence)
    {
        var agent = Current;
        if (!Enum.IsDefined(presence))
        {
            throw SupportQueueException.Invalid("presence", presence.ToString(), "must be Offline, Available or Break");
        }

        await Desk.SetPresence(agent.Id, presence);
        agent.SetPresence(presence, clock.GetUtcNow());
        await state.WriteOrReloadAsync(this);
    }

    public async Task<OfferReply> Offer(Offer offer)
    {
        if (!state.State.Exists)
        {
            return new OfferReply(OfferOutcome.Declined, Presence.Offline);
        }

        var agent = state.State;
        if (agent.Holds(offer.TicketId))
        {
            return new OfferReply(OfferOutcome.Accepted, agent.Presence);
        }

        if (agent.CheckCanAccept() is not null)
        {
            return new OfferReply(OfferOutcome.Declined, agent.Presence, agent.Assignments.Count);
        }

        var outcome = await GrainFactory.Ticket(offer.TicketId).Assign(agent.Id, offer.Tier, offer.Escalated);
        if (outcome != OfferOutcome.Accepted)
        {
            return new OfferReply(outcome, agent.Presence);
        }

        agent.Accept(offer.TicketId);
        await state.WriteOrReloadAsync(this);
        foreach (var observer in _observers)
        {
            observer.OnAssigned(offer.TicketId, agent.Id);
        }

        return new OfferReply(OfferOutcome.Accepted, agent.Presence);
    }

    public async Task Adopt(string ticketId)
    {
        var agent = Current;
        if (!agent.Holds(ticketId))
        {
            agent.Assignments.Add(ticketId);
            await state.WriteOrReloadAsync(this);
        }
    }

    public async Task Resolve(string ticketId)
    {
        var agent = Current;
        agent.RequireHolds(ticketId);
        await GrainFactory.Ticket(ticketId).Resolve(agent.Id);
        agent.Finish(ticketId, escalated: false);
        await state.WriteOrReloadAsync(this);
    }

    public async Task<Placement> Escalate(string ticketId, string reason, string? toTier = null)
    {
        var agent = Current;
        agent.RequireHolds(ticketId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw SupportQueueException.Invalid("reason", reason, "an escalation needs a reason");
        }

        var placement = await GrainFactory.Ticket(ticketId).Escalate(agent.Id, reason, toTier);
        agent.Finish(ticketId, escalated: true);
        await state.WriteOrReloadAsync(this);
        return placement;
    }
}
