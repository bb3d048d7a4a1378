using System.Runtime.CompilerServices;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A run's pending events up to its horizon: the event calendar plus the one pending arrival.
/// Events run in (time, sequence) order; sequences come from one counter, so the order is total
/// and does not depend on the calendar's shape.
/// </summary>
/// <remarks>
/// It extends the calendar rather than holding one: the loop reads both on every event, and one
/// object saves a dependent load each time.
/// </remarks>
internal sealed class RunCalendar(double horizon) : EventCalendar<SimEvent>
{
    public const double Never = double.PositiveInfinity;

    private long _sequence;

    /// <summary>
    /// The one pending arrival (<see cref="Never"/>: none) waits beside the calendar rather than in
    /// it, with a sequence number from the same counter, so events still run in (time, sequence)
    /// order and every customer costs one calendar insertion and removal fewer.
    /// </summary>
    private double _arrivalTime = Never;
    private long _arrivalSequence;

    public double Horizon { get; } = horizon;

    /// <summary>Schedules <paramref name="ev"/>; events after the horizon never run, so they are dropped.</summary>
    public void Schedule(double time, SimEvent ev)
    {
        if (time <= Horizon)
        {
            Enqueue(time, ++_sequence, ev);
        }
    }

    /// <summary>Makes <paramref name="time"/> the pending arrival (none when it is past the horizon).</summary>
    public void ScheduleArrival(double time)
    {
        if (time <= Horizon)
        {
            _arrivalTime = time;
            _arrivalSequence = ++_sequence;
        }
        else
        {
            _arrivalTime = Never;
        }
    }

    /// <summary>Time of the next event (<see cref="Never"/>: none); <paramref name="arrivalFirst"/> says whether it is the pending arrival.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double PeekNext(out bool arrivalFirst)
    {
        var nextEvent = TryPeek(out var peeked, out var peekedSequence) ? peeked : Never;
        arrivalFirst = _arrivalTime < nextEvent || (_arrivalTime == nextEvent && _arrivalTime < Never && _arrivalSequence < peekedSequence);
        return arrivalFirst ? _arrivalTime : nextEvent;
    }

    /// <summary>Takes the event <see cref="PeekNext"/> named.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SimEvent Take(bool arrivalFirst, out double now)
    {
        if (arrivalFirst)
        {
            now = _arrivalTime;
            _arrivalTime = Never;
            return new SimEvent(EventKind.Arrival);
        }

        return Dequeue(out now);
    }
}
