using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Planning;

namespace SupportQueue.Client.Planning;

/// <summary>
/// Roster lines that differ only by day, merged the way a planner reads a roster: "5 people,
/// L1-day 08:00–16:30, break 12:00–12:30, Mon Tue Wed". Paid hours and cost are totals over the
/// head count and the days.
/// </summary>
public sealed record PlanShift(
    string Tier,
    string AgentGroup,
    string Template,
    TimeSpan Start,
    TimeSpan Length,
    ImmutableArray<PlanBreak> Breaks,
    int HeadCount,
    ImmutableArray<DateOnly> Days,
    double PaidHours,
    double Cost)
{
    /// <summary>Merges <paramref name="lines"/>, ordered by tier (as <paramref name="tiers"/> lists them), start, template and first day.</summary>
    public static IReadOnlyList<PlanShift> Merge(IEnumerable<PlanRosterLine> lines, IReadOnlyList<string> tiers)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines
            .Where(l => l.HeadCount > 0)
            .GroupBy(l => (l.Tier, l.AgentGroup, l.Template, l.Start.TimeOfDay, Length: l.End - l.Start, l.HeadCount, Breaks: BreakKey(l.Breaks)))
            .Select(g => new PlanShift(
                g.Key.Tier, g.Key.AgentGroup, g.Key.Template, g.Key.TimeOfDay, g.Key.Length, g.First().Breaks, g.Key.HeadCount,
                [.. g.Select(l => l.Day).Order()], g.Sum(l => l.PaidHours), g.Sum(l => l.Cost)))
            .OrderBy(s => Index(tiers, s.Tier)).ThenBy(s => s.Start).ThenBy(s => s.Template, StringComparer.Ordinal).ThenBy(s => s.Days[0]).ThenBy(s => s.HeadCount)];
    }

    /// <summary>"08:00".</summary>
    public string StartText => Clock(Start);

    /// <summary>"16:30", or "06:30 +1" for a shift ending the next day.</summary>
    public string EndText => Clock(Start + Length);

    /// <summary>"Mon Tue Wed", or "every day" over a whole week.</summary>
    public string DaysText => Days.Length == 7 ? "every day" : string.Join(' ', Days.Select(d => d.ToString("ddd", CultureInfo.InvariantCulture)));

    /// <summary>"12:00–12:30; 14:00–14:15 paid".</summary>
    public string BreaksText => string.Join("; ", Breaks.Select(b => $"{Clock(Start + b.After)}–{Clock(Start + b.After + b.Length)}{(b.Paid ? " paid" : "")}"));

    private static string BreakKey(ImmutableArray<PlanBreak> breaks) =>
        string.Join(";", breaks.Select(b => $"{b.After.Ticks}/{b.Length.Ticks}/{b.Paid}"));

    private static int Index(IReadOnlyList<string> tiers, string tier)
    {
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i] == tier)
            {
                return i;
            }
        }

        return tiers.Count;
    }

    private static string Clock(TimeSpan at)
    {
        var days = (int)Math.Floor(at.TotalDays);
        var time = at - TimeSpan.FromDays(days);
        var text = time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return days > 0 ? $"{text} +{days.ToString(CultureInfo.InvariantCulture)}" : text;
    }
}
