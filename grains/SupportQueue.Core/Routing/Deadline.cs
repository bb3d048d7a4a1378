namespace SupportQueue.Core.Routing;

/// <summary>
/// A moment the desk must act at: an offer's expiry (<see cref="ReservationId"/> ≠ 0), a ticket's
/// wait limit, or only a wake-up (the ticket becomes borrowable). Valid while the offer is pending,
/// or while the ticket still waits in the queue entry of <see cref="Epoch"/>.
/// </summary>
internal readonly record struct Deadline(DeskTicket? Ticket, int Epoch, long ReservationId, bool WakeOnly = false);
