using SupportQueue.Core.Model;

namespace SupportQueue.Core.Cumulative;

/// <summary>
/// A desk's cumulative statistics — offered, answered, abandoned, service level, ASA — per tier
/// and priority, for today (since the desk's midnight) and the rolling last hour. The desk's
/// engine feeds it as tickets enter, get their first response or are abandoned; time comes in as
/// an argument, so the rule is tested without a clock.
/// </summary>
/// <remarks>
/// The hour is 60 one-minute buckets in a ring: a bucket is emptied when its minute comes round
/// again, and a report adds the buckets of the current minute and the 59 before it, so the hour
/// rolls by whole minutes. The day is one tally, emptied at the first event or report after the
/// desk's midnight. Memory is bounded by tiers × priorities × 61, whatever the load.
/// </remarks>
public sealed class DeskStatistics
{
    private const int MinutesPerHour = 60;

    private readonly CountGrid _today = new();
    private readonly CountGrid[] _minutes = new CountGrid[MinutesPerHour];
    private readonly long[] _minuteOf = new long[MinutesPerHour];
    private int _day = int.MinValue;

    /// <param name="zone">Whose midnight starts the day; UTC when null.</param>
    public DeskStatistics(TimeZoneInfo? zone = null)
    {
        Zone = zone ?? TimeZoneInfo.Utc;
        for (var i = 0; i < MinutesPerHour; i++)
        {
            _minutes[i] = new CountGrid();
            _minuteOf[i] = -1;
        }
    }

    public TimeZoneInfo Zone { get; private set; }

    /// <summary>Whether anything was counted since the last <see cref="Save"/>: the host stores only then.</summary>
    public bool Changed { get; private set; }

    /// <summary>A new ticket entered the desk at <paramref name="tier"/>.</summary>
    public void Offered(string tier, Priority priority, DateTimeOffset now)
    {
        foreach (var counts in Cells(tier, priority, now))
        {
            counts.Offered++;
        }
    }

    /// <summary>
    /// A ticket got its first response at <paramref name="tier"/> after waiting
    /// <paramref name="waited"/>; within <paramref name="target"/> (the priority's first-response
    /// target; none counts as within) or not.
    /// </summary>
    public void Answered(string tier, Priority priority, TimeSpan waited, TimeSpan? target, DateTimeOffset now)
    {
        var wait = waited < TimeSpan.Zero ? 0 : waited.Ticks;
        var within = target is not { } t || waited <= t;
        foreach (var counts in Cells(tier, priority, now))
        {
            counts.Answered++;
            counts.WaitTicks += wait;
            if (within)
            {
                counts.AnsweredWithinTarget++;
            }
        }
    }

    /// <summary>The customer left at <paramref name="tier"/> before any first response.</summary>
    public void Abandoned(string tier, Priority priority, DateTimeOffset now)
    {
        foreach (var counts in Cells(tier, priority, now))
        {
            counts.Abandoned++;
        }
    }

    /// <summary>The figures at <paramref name="now"/>, listing every tier in <paramref name="tiers"/> (and any other with counts) and every priority.</summary>
    public DeskStatisticsReport Report(DateTimeOffset now, IReadOnlyList<string> tiers, double serviceLevelTarget)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        RollDay(now);
        var minute = MinuteOf(now);
        var hour = new List<CountGrid>(MinutesPerHour);
        for (var i = 0; i < MinutesPerHour; i++)
        {
            if (_minuteOf[i] > minute - MinutesPerHour && _minuteOf[i] <= minute)
            {
                hour.Add(_minutes[i]);
            }
        }

        var hourStart = new DateTimeOffset((minute - MinutesPerHour + 1) * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return new DeskStatisticsReport(
            now,
            Zone.Id,
            Window(DayStart(now), now, [_today], tiers),
            Window(hourStart, now, hour, tiers),
            serviceLevelTarget);
    }

    /// <summary>
    /// Moves the desk's day to another zone (its settings changed): today's counts carry on until
    /// midnight in the new zone, rather than being cut or doubled by the jump.
    /// </summary>
    public void MoveTo(TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone.Id == Zone.Id)
        {
            return;
        }

        Zone = zone;
        if (_day != int.MinValue)
        {
            _day = DayOf(now);
            Changed = true;
        }
    }

    /// <summary>What to store; clears <see cref="Changed"/>.</summary>
    public DeskStatisticsState Save()
    {
        Changed = false;
        var minutes = new List<StatisticsMinute>();
        for (var i = 0; i < MinutesPerHour; i++)
        {
            if (_minuteOf[i] >= 0 && !_minutes[i].IsEmpty)
            {
                minutes.Add(new StatisticsMinute(_minuteOf[i], _minutes[i].Save()));
            }
        }

        return new DeskStatisticsState(_day, _today.Save(), [.. minutes.OrderBy(m => m.Minute)]);
    }

    /// <summary>Statistics that go on from what was stored; a stored day or minute already past is dropped at the next event or report.</summary>
    public static DeskStatistics Restore(DeskStatisticsState? state, TimeZoneInfo? zone = null)
    {
        var statistics = new DeskStatistics(zone);
        if (state is null)
        {
            return statistics;
        }

        statistics._day = state.Day;
        statistics._today.Load(state.Today);
        foreach (var minute in state.Minutes.IsDefault ? [] : state.Minutes)
        {
            var slot = (int)(minute.Minute % MinutesPerHour);
            if (minute.Minute > statistics._minuteOf[slot])
            {
                statistics._minuteOf[slot] = minute.Minute;
                statistics._minutes[slot].Load(minute.Cells);
            }
        }

        return statistics;
    }

    // The day's and the minute's counts of one tier and priority, rolled over to now first.
    private CountGrid.Counts[] Cells(string tier, Priority priority, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tier);
        Changed = true;
        RollDay(now);
        var minute = MinuteOf(now);
        var slot = (int)(minute % MinutesPerHour);
        if (_minuteOf[slot] < minute)
        {
            _minutes[slot].Clear();
            _minuteOf[slot] = minute;
        }

        // A time more than an hour behind the newest (a clock stepped back) still counts for the day.
        return _minuteOf[slot] == minute
            ? [_today.At(tier, priority), _minutes[slot].At(tier, priority)]
            : [_today.At(tier, priority)];
    }

    private void RollDay(DateTimeOffset now)
    {
        var day = DayOf(now);
        if (day > _day)
        {
            if (_day != int.MinValue && !_today.IsEmpty)
            {
                Changed = true;
            }

            _today.Clear();
            _day = day;
        }
    }

    private int DayOf(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime).DayNumber;

    private DateTimeOffset DayStart(DateTimeOffset now)
    {
        var midnight = TimeZoneInfo.ConvertTime(now, Zone).Date;
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static long MinuteOf(DateTimeOffset now) => now.UtcTicks / TimeSpan.TicksPerMinute;

    private static StatisticsWindow Window(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<CountGrid> grids, IReadOnlyList<string> tiers)
    {
        var total = new CountGrid.Counts();
        var byTier = new Dictionary<string, CountGrid.Counts>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var tier in tiers)
        {
            if (byTier.TryAdd(tier, new CountGrid.Counts()))
            {
                order.Add(tier);
            }
        }

        var byPriority = Enum.GetValues<Priority>().ToDictionary(p => p, _ => new CountGrid.Counts());
        foreach (var grid in grids)
        {
            foreach (var (key, counts) in grid.Cells())
            {
                total.Add(counts);
                if (!byTier.TryGetValue(key.Tier, out var tierCounts))
                {
                    // A tier since renamed or removed: still shown, so the day adds up.
                    tierCounts = new CountGrid.Counts();
                    byTier.Add(key.Tier, tierCounts);
                    order.Add(key.Tier);
                }

                tierCounts.Add(counts);
                if (!byPriority.TryGetValue(key.Priority, out var priorityCounts))
                {
                    priorityCounts = new CountGrid.Counts();
                    byPriority.Add(key.Priority, priorityCounts);
                }

                priorityCounts.Add(counts);
            }
        }

        return new StatisticsWindow(
            from,
            to,
            total.Figures(null, null),
            [.. order.Select(t => byTier[t].Figures(t, null))],
            [.. byPriority.OrderBy(p => p.Key).Select(p => p.Value.Figures(null, p.Key))]);
    }
}
