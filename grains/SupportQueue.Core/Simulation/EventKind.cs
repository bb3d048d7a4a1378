namespace SupportQueue.Core.Simulation;

/// <summary>What a calendar entry of a run does.</summary>
internal enum EventKind : byte
{
    Arrival,
    ServiceEnd,
    Abandon,
    Reopen,
    Presence,
    DayStart,
    IntervalEnd,
}
