using Microsoft.Extensions.Logging;
using SupportQueue.Core.Routing;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains;

/// <summary>
/// The desk grain's one sender: delivers the engine's offers to agents and its escalation
/// notices to tickets, and applies the answers back to the engine.
/// </summary>
/// <remarks>
/// Runs on the desk activation's scheduler only, so the engine is touched between awaits on one
/// thread. Being the only sender keeps notifications to one ticket in the engine's order.
/// </remarks>
internal sealed class OfferPump(
    string deskId,
    IGrainFactory grains,
    TimeProvider clock,
    int maxOffersInFlight,
    ILogger logger,
    Func<DateTimeOffset> advance,
    Action idle)
{
    // Grain references are kept: each GrainReferences lookup still builds an id and a proxy.
    private readonly Dictionary<string, IAgentGrain> _agentGrains = new(StringComparer.Ordinal);
    private readonly Queue<DeskAction> _notifications = new();
    private int _offersInFlight;

    // Completed by the next offer to settle while the pump waits for a free slot. Waiting on one
    // signal instead of Task.WhenAny over every offer in flight keeps settling O(1) per offer.
    private TaskCompletionSource? _offerSettled;
    private Task _pump = Task.CompletedTask;
    private bool _pumping;

    /// <summary>The engine offers come from; null until the desk is configured (nothing is sent).</summary>
    public DeskScheduler? Engine { get; set; }

    /// <summary>What the desk did, in the engine's order, for a simulation's driver; null unless enabled.</summary>
    public List<JournalEntry>? Journal { get; set; }

    /// <summary>Queues an escalation notice for its ticket; the next kick delivers it.</summary>
    public void Notify(DeskAction action) => _notifications.Enqueue(action);

    /// <summary>Starts the pump unless it runs already; when it does not start, <c>idle</c> is called now.</summary>
    public void Kick()
    {
        if (_pumping || Engine is null)
        {
            idle();
            return;
        }

        _pumping = true;
        _pump = PumpAsync(Engine);
    }

    /// <summary>Completes when nothing is left to send or to settle.</summary>
    public async Task WhenIdle()
    {
        // Look for offers even when nothing was due: time alone can make one possible (a ticket
        // that has now waited long enough to be borrowed), and such a deadline yields no action.
        Kick();
        while (_pumping || _notifications.Count > 0)
        {
            Kick();
            await _pump;
        }
    }

    private async Task PumpAsync(DeskScheduler engine)
    {
        try
        {
            // Yield first so the call that kicked the pump completes before any offer goes out.
            await Task.Yield();
            var limit = Math.Max(1, maxOffersInFlight);
            while (true)
            {
                var now = advance();
                if (_notifications.TryDequeue(out var action))
                {
                    // Only queued tickets escalate, and a queued ticket has no offer out, so this
                    // cannot overtake an offer about the same ticket.
                    await NotifyAsync(action);
                    continue;
                }

                // Each offer names a different ticket and reserves a slot of its agent, so offers
                // in flight never contend; the engine is touched only on this activation's thread.
                if (_offersInFlight < limit && engine.TryNextOffer(now, out var offer))
                {
                    _offersInFlight++;
                    _ = DeliverAndSettleAsync(engine, offer);
                    if (_offersInFlight < limit)
                    {
                        continue;
                    }
                }

                if (_offersInFlight == 0)
                {
                    break;
                }

                // Continuations run asynchronously, back on this activation's scheduler, so the pump
                // never resumes inside the settling offer's frame.
                _offerSettled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await _offerSettled.Task;
            }
        }
        finally
        {
            _pumping = false;
            idle();
        }
    }

    private IAgentGrain Agent(string agentId)
    {
        if (!_agentGrains.TryGetValue(agentId, out var grain))
        {
            grain = grains.Agent(agentId);
            _agentGrains.Add(agentId, grain);
        }

        return grain;
    }

    private async Task DeliverAndSettleAsync(DeskScheduler engine, Offer offer)
    {
        try
        {
            await DeliverAsync(engine, offer);
        }
        catch (Exception ex)
        {
            DeskLog.PumpFailure(logger, ex, deskId);
        }
        finally
        {
            _offersInFlight--;
            var settled = _offerSettled;
            _offerSettled = null;
            settled?.TrySetResult();
        }
    }

    private async Task DeliverAsync(DeskScheduler engine, Offer offer)
    {
        OfferReply reply;
        try
        {
            reply = await Agent(offer.AgentId).Offer(offer);
        }
        catch (Exception ex)
        {
            DeskLog.OfferFailed(logger, ex, deskId, offer.TicketId, offer.AgentId);
            engine.OfferUnanswered(offer, clock.GetUtcNow());
            return;
        }

        var now = clock.GetUtcNow();
        if (engine.AnswerOffer(offer, reply.Outcome, reply.Presence, reply.Held, now))
        {
            // Recorded on the reply, not the offer: the pump is sequential, so this is still the engine's order.
            Journal?.Add(new JournalEntry(JournalKind.Assigned, offer.TicketId, offer.AgentId, offer.Tier, null, now));
        }
    }

    private async Task NotifyAsync(DeskAction action)
    {
        try
        {
            await grains.Ticket(action.TicketId).DeskEscalated(action);
        }
        catch (Exception ex)
        {
            DeskLog.NotifyFailed(logger, ex, deskId, action.TicketId);
        }
    }
}
