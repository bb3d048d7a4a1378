using SupportQueue.Core.Planning;

namespace SupportQueue.Scheduling.Tests.Planning;

/// <summary>Roster lines compared by value, breaks included (the record's own equality compares the break array by reference).</summary>
internal sealed class RosterLineComparer : IEqualityComparer<PlanRosterLine>
{
    public static readonly RosterLineComparer Instance = new();

    public bool Equals(PlanRosterLine? x, PlanRosterLine? y) =>
        x is not null && y is not null && x with { Breaks = [] } == y with { Breaks = [] } && x.Breaks.SequenceEqual(y.Breaks);

    public int GetHashCode(PlanRosterLine obj) => HashCode.Combine(obj.Template, obj.Start, obj.HeadCount);
}
