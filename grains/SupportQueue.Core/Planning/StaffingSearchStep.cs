namespace SupportQueue.Core.Planning;

/// <summary>
/// Where the search for one interval stands: the head count to simulate next, the bracket
/// (<see cref="HighestMissing"/> misses the target, <see cref="LowestMeeting"/> meets it; null
/// while unknown), and whether the least head count meeting the target is known
/// (<see cref="Settled"/>: then <see cref="Next"/> is it).
/// </summary>
public sealed record StaffingSearchStep(int Next, int? HighestMissing, int? LowestMeeting, bool Settled);
