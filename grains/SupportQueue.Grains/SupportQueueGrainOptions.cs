namespace SupportQueue.Grains;

/// <summary>How the grains behave beyond what the desk settings say.</summary>
public sealed class SupportQueueGrainOptions
{
    /// <summary>
    /// Open tickets keep a durable reminder, so that after a restart each one re-announces itself
    /// to its desk (which rebuilds its queues) and overdue escalations fire. Only worth the extra
    /// write per ticket when the storage itself survives a restart.
    /// </summary>
    public bool DurableTickets { get; set; }

    /// <summary>
    /// How many offers a desk may have out at once, each to a different agent about a different
    /// ticket. More overlaps the storage writes of accepting (what limits a durable desk); 1 keeps
    /// offers strictly one after another, which grain-mode simulation needs to match fast mode.
    /// </summary>
    public int MaxOffersInFlight { get; set; } = 32;

    /// <summary>
    /// Whether a desk arms a grain timer for its next deadline, so escalations fire when nobody
    /// calls. A simulation turns it off: its driver applies every deadline itself, in the engine's
    /// order, and a timer firing as the driver moves the clock would let the desk act (offer a
    /// ticket) between two of the driver's operations, which the engine never does.
    /// </summary>
    public bool DeadlineTimer { get; set; } = true;

    /// <summary>
    /// A ticket that joins a queue at least this long (its own desk's tier queue, itself included)
    /// leaves memory as soon as it is stored: it is read back from storage when it is offered. In an
    /// outage every waiting ticket would otherwise keep its activation (≈ 2.4 KB) until collected;
    /// a short queue is offered within moments, and a reactivation then would only cost a read.
    /// 0 turns parking off.
    /// </summary>
    public int ParkQueuedFrom { get; set; } = 1000;

    /// <summary>How often an open ticket's reminder re-announces it. Orleans' minimum reminder period applies.</summary>
    public TimeSpan ReconcilePeriod { get; set; } = TimeSpan.FromMinutes(1);
}
