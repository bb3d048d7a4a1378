using System.Diagnostics.CodeAnalysis;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// The desk's offers and how they end. An offer reserves a waiting ticket for an agent (it stays
/// counted in its queue) until the agent side answers: accepted, declined, or the ticket is gone.
/// An agent may also act on the ticket before its acceptance arrives; the offer is then settled by
/// the agent, and its answer, whatever it says, is consumed when it comes, so no id is left behind.
/// </summary>
internal sealed class OfferBook(DeskState desk)
{
    private readonly Dictionary<long, Reservation> _pending = [];
    private readonly HashSet<long> _settledByAgent = [];
    private readonly TicketMatcher _matcher = desk.Matcher;

    /// <summary>Offers settled by the agent whose answer has not arrived yet.</summary>
    public int SettledByAgent => _settledByAgent.Count;

    public IEnumerable<Reservation> Reservations => _pending.Values;

    public bool IsPending(long reservationId) => _pending.ContainsKey(reservationId);

    public bool TryGet(long reservationId, [MaybeNullWhen(false)] out Reservation reservation) => _pending.TryGetValue(reservationId, out reservation);

    /// <summary>Reserves the best waiting ticket for the best free eligible agent, if there is such a pair.</summary>
    public bool TryOffer(DateTimeOffset now, [NotNullWhen(true)] out Offer? offer)
    {
        if (!_matcher.TryFind(desk.Queues, desk.Settings, now, out var ticket, out var agent, out var queueTier))
        {
            offer = null;
            return false;
        }

        // Read before taking it off the queue, which ends what the escalation's repeat may claim.
        var escalated = ticket.Escalation?.Unconfirmed;
        desk.TakeFromQueue(ticket, agent);
        ticket.State = DeskTicketState.Offered;
        var id = desk.NextSequence();
        ticket.ReservationId = id;
        _pending.Add(id, new Reservation(ticket, agent));
        var expires = now + desk.Settings.ReservationTimeout;
        if (desk.Options.ExpireOffers)
        {
            desk.Deadlines.AddOffer(id, expires);
        }

        offer = new Offer(id, ticket.Name, agent.Id, desk.Settings.Tiers[queueTier].Name, now, expires, queueTier != agent.Tier, escalated);
        return true;
    }

    /// <summary>Offers and accepts in one step, for hosts whose agents answer at once: no reservation to keep.</summary>
    public bool TryAssign(DateTimeOffset now, out Assignment assignment)
    {
        if (!_matcher.TryFind(desk.Queues, desk.Settings, now, out var ticket, out var agent, out var queueTier))
        {
            assignment = default;
            return false;
        }

        desk.TakeFromQueue(ticket, agent);
        desk.Settle(ticket, agent, now);
        assignment = new Assignment(ticket.Handle, agent.Order, queueTier);
        return true;
    }

    /// <summary>
    /// The offer-reply protocol: how the desk takes the agent side's answer to an offer. Accepted
    /// settles the offer; when it is no longer pending (it expired while the acceptance was in
    /// flight) the agent is recorded as holder all the same. TicketGone withdraws the ticket.
    /// Declined puts it back, with the agent's reported presence and held count. Returns whether
    /// the offer's agent now holds the ticket.
    /// </summary>
    public bool Answer(Offer offer, OfferOutcome outcome, Presence presence, int held, DateTimeOffset now)
    {
        switch (outcome)
        {
            case OfferOutcome.Accepted:
                return Accept(offer.ReservationId, now) || RecordAssigned(offer.TicketId, offer.AgentId, now);
            case OfferOutcome.TicketGone:
                Withdraw(offer.ReservationId, now);
                return false;
            default:
                Decline(offer.ReservationId, now, presence, held);
                return false;
        }
    }

    /// <summary>The agent took the ticket: only now does it leave the queue. False when the offer is no longer pending.</summary>
    public bool Accept(long reservationId, DateTimeOffset now)
    {
        if (!_pending.Remove(reservationId, out var r))
        {
            // The agent already acted on the ticket before its acceptance reached the desk.
            return _settledByAgent.Remove(reservationId);
        }

        desk.Settle(r.Ticket, r.Agent, now);
        return r.Ticket.State != DeskTicketState.Closed;
    }

    /// <summary>The agent did not take the ticket: it goes back to its place in the queue. See <see cref="DeskScheduler.DeclineOffer"/>.</summary>
    public bool Decline(long reservationId, DateTimeOffset now, Presence? agentPresence = null, int? agentHeld = null)
    {
        // Checked before the reservation is dropped: failing afterwards would strand the ticket as
        // offered with nobody holding the offer.
        if (agentPresence is { } reported && !Enum.IsDefined(reported))
        {
            throw SupportQueueException.Invalid("presence", reported.ToString(), "must be Offline, Available or Break");
        }

        if (!_pending.Remove(reservationId, out var r))
        {
            _settledByAgent.Remove(reservationId);
            return false;
        }

        desk.Pool.ChangeLoad(r.Agent, -1);
        if (agentPresence is { } presence)
        {
            desk.Pool.SetPresence(r.Agent, presence, now);
        }

        if (agentHeld is { } held && held >= r.Agent.Capacity && r.Agent.FreeCapacity > 0)
        {
            // Offering again would be refused again: wait until the agent frees a slot.
            desk.Pool.Saturate(r.Agent);
        }

        if (r.Ticket.State == DeskTicketState.Offered)
        {
            desk.Requeue(r.Ticket, now);
        }

        return true;
    }

    /// <summary>The agent side reports the ticket no longer needs routing (resolved, abandoned or held elsewhere).</summary>
    public bool Withdraw(long reservationId, DateTimeOffset now)
    {
        if (!_pending.Remove(reservationId, out var r))
        {
            _settledByAgent.Remove(reservationId);
            return false;
        }

        desk.Pool.ChangeLoad(r.Agent, -1);
        if (r.Ticket.State == DeskTicketState.Offered)
        {
            desk.Queues[r.Ticket.Tier].Count--;
            desk.Tickets.Close(r.Ticket);
            desk.Withdrawn++;
        }

        return true;
    }

    /// <summary>An offer's deadline came with no answer: it is declined, and the action says so.</summary>
    public DeskAction Expire(long reservationId, DateTimeOffset at, List<int>? ticketHandles)
    {
        var r = _pending[reservationId];
        var tier = desk.Settings.Tiers[r.Ticket.Tier].Name;
        Decline(reservationId, at);
        ticketHandles?.Add(r.Ticket.Handle);
        return new DeskAction(DeskActionKind.OfferExpired, r.Ticket.Name, tier, tier, r.Agent.Id, "offer not answered in time", at);
    }

    /// <summary>See <see cref="DeskScheduler.RecordAssigned"/>.</summary>
    public bool RecordAssigned(string ticketId, string agentId, DateTimeOffset now)
    {
        var agent = desk.Pool.Get(agentId);
        if (!desk.Tickets.TryGet(ticketId, out var ticket))
        {
            return false;
        }

        if (ticket.State == DeskTicketState.Assigned)
        {
            return ticket.Agent == agent;
        }

        if (ticket.State == DeskTicketState.Offered && _pending.Remove(ticket.ReservationId, out var other))
        {
            desk.Pool.ChangeLoad(other.Agent, -1);
        }
        else if (ticket.State == DeskTicketState.Queued)
        {
            desk.Queues[ticket.Tier].Waiting--;
        }

        desk.Queues[ticket.Tier].Count--;
        desk.Pool.ChangeLoad(agent, +1);
        ticket.State = DeskTicketState.Assigned;
        ticket.Agent = agent;
        ticket.AssignedAt = now;
        ticket.Responded = true;
        ticket.Escalation = null;
        return true;
    }

    /// <summary>
    /// The agent acted on the offered ticket (resolved or escalated it): its acceptance is still on
    /// its way to the desk. The offer ends here; its answer is expected later.
    /// </summary>
    public void SettleByAgent(long reservationId)
    {
        _pending.Remove(reservationId);
        _settledByAgent.Add(reservationId);
    }
}
