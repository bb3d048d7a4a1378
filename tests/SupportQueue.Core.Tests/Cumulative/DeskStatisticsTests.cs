using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Tests.Cumulative;

/// <summary>The counting rule of the cumulative statistics: SL and ASA arithmetic, the rolling hour, the day boundary, storage.</summary>
public class DeskStatisticsTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] _tiers = ["L1", "L2"];
    private static readonly TimeSpan _target = TimeSpan.FromSeconds(20);

    private static DateTimeOffset At(double minutes) => _t0.AddMinutes(minutes);

    private static DeskStatisticsReport Report(DeskStatistics statistics, DateTimeOffset at) => statistics.Report(at, _tiers, 0.8);

    // Every figure of a report as text (the records hold arrays, which compare by reference).
    private static string Flat(DeskStatisticsReport report) => string.Join("\n", new[] { report.Today, report.LastHour }
        .SelectMany(w => new[] { w.Total }.Concat(w.Tiers).Concat(w.Priorities).Select(f => $"{w.From:O} {f}")));

    [Fact]
    public void Service_level_counts_abandons_as_misses_and_ASA_averages_the_answered_waits()
    {
        var statistics = new DeskStatistics();
        for (var i = 0; i < 5; i++)
        {
            statistics.Offered("L1", Priority.P2, At(0));
        }

        statistics.Answered("L1", Priority.P2, TimeSpan.FromSeconds(10), _target, At(1));
        statistics.Answered("L1", Priority.P2, TimeSpan.FromSeconds(20), _target, At(1)); // exactly on target: within
        statistics.Answered("L1", Priority.P2, TimeSpan.FromSeconds(60), _target, At(1));
        statistics.Abandoned("L1", Priority.P2, At(2));

        var today = Report(statistics, At(3)).Today;
        var l1 = today.Tiers.Single(t => t.Tier == "L1");
        Assert.Equal(5, l1.Offered);
        Assert.Equal(3, l1.Answered);
        Assert.Equal(2, l1.AnsweredWithinTarget);
        Assert.Equal(1, l1.Abandoned);
        Assert.Equal(2.0 / 4, l1.ServiceLevel);
        Assert.Equal(TimeSpan.FromSeconds(30), l1.AverageSpeedOfAnswer);
        Assert.Equal(l1 with { Tier = null }, today.Total);

        // A tier and priorities with nothing yet: zero counts, no SL and no ASA rather than 0 or 100 %.
        var l2 = today.Tiers.Single(t => t.Tier == "L2");
        Assert.Equal((0, 0, 0, (double?)null, (TimeSpan?)null), (l2.Offered, l2.Answered, l2.Abandoned, l2.ServiceLevel, l2.AverageSpeedOfAnswer));
        Assert.Equal([Priority.P1, Priority.P2, Priority.P3, Priority.P4], today.Priorities.Select(p => p.Priority!.Value));
        Assert.Equal(0, today.Priorities.Single(p => p.Priority == Priority.P1).Offered);
        Assert.Equal(5, today.Priorities.Single(p => p.Priority == Priority.P2).Offered);
    }

    [Fact]
    public void No_target_counts_as_within_and_tiers_and_priorities_are_counted_apart()
    {
        var statistics = new DeskStatistics();
        statistics.Answered("L1", Priority.P4, TimeSpan.FromHours(5), null, At(0));
        statistics.Answered("l2", Priority.P1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1), At(0));

        var today = Report(statistics, At(0)).Today;
        Assert.Equal(1.0, today.Tiers.Single(t => t.Tier == "L1").ServiceLevel);

        // Tier names match in any case, as in the desk's settings.
        Assert.Equal(0.0, today.Tiers.Single(t => t.Tier == "L2").ServiceLevel);
        Assert.Equal(2, today.Tiers.Length);
        Assert.Equal(0.5, today.Total.ServiceLevel);
        Assert.Equal(TimeSpan.FromMinutes(151), today.Total.AverageSpeedOfAnswer);
        Assert.Equal(TimeSpan.FromMinutes(2), today.Priorities.Single(p => p.Priority == Priority.P1).AverageSpeedOfAnswer);
    }

    [Fact]
    public void The_last_hour_rolls_by_whole_minutes()
    {
        var statistics = new DeskStatistics();
        statistics.Offered("L1", Priority.P3, At(0.5));   // minute 0
        statistics.Offered("L1", Priority.P3, At(30));    // minute 30
        statistics.Offered("L1", Priority.P3, At(59.9));  // minute 59

        Assert.Equal(3, Report(statistics, At(59.95)).LastHour.Total.Offered);

        // At minute 60 the window is minutes 1–60: minute 0 has left it; the day keeps everything.
        var at60 = Report(statistics, At(60));
        Assert.Equal(2, at60.LastHour.Total.Offered);
        Assert.Equal(At(1), at60.LastHour.From);
        Assert.Equal(3, at60.Today.Total.Offered);

        // Minute 60 reuses minute 0's slot in the ring: it starts empty.
        statistics.Offered("L1", Priority.P3, At(60.5));
        Assert.Equal(3, Report(statistics, At(60.5)).LastHour.Total.Offered);
        Assert.Equal(3, Report(statistics, At(89.99)).LastHour.Total.Offered); // minutes 30–89
        Assert.Equal(2, Report(statistics, At(90)).LastHour.Total.Offered);    // minutes 31–90
        Assert.Equal(1, Report(statistics, At(119.99)).LastHour.Total.Offered);
        Assert.Equal(0, Report(statistics, At(120)).LastHour.Total.Offered);
        Assert.Equal(4, Report(statistics, At(180)).Today.Total.Offered);
    }

    [Fact]
    public void The_day_starts_again_at_the_desks_midnight()
    {
        var statistics = new DeskStatistics();
        var lateEvening = new DateTimeOffset(2026, 3, 10, 23, 59, 30, TimeSpan.Zero);
        statistics.Offered("L1", Priority.P2, lateEvening);
        statistics.Answered("L1", Priority.P2, TimeSpan.FromSeconds(5), _target, lateEvening.AddSeconds(5));

        var beforeMidnight = Report(statistics, lateEvening.AddSeconds(29));
        Assert.Equal(1, beforeMidnight.Today.Total.Offered);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), beforeMidnight.Today.From);

        // Past midnight the day is empty, but the last hour still holds the minutes before it.
        var afterMidnight = Report(statistics, lateEvening.AddSeconds(31));
        Assert.Equal(0, afterMidnight.Today.Total.Offered);
        Assert.Null(afterMidnight.Today.Total.ServiceLevel);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), afterMidnight.Today.From);
        Assert.Equal(1, afterMidnight.LastHour.Total.Offered);
        Assert.Equal(1.0, afterMidnight.LastHour.Total.ServiceLevel);
    }

    [Fact]
    public void A_desk_time_zone_moves_midnight()
    {
        // A fixed zone three hours behind UTC: its midnight is 03:00 UTC.
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test-03", TimeSpan.FromHours(-3), "Test-03", "Test-03");
        var statistics = new DeskStatistics(zone);
        statistics.Offered("L1", Priority.P2, new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.Zero)); // 22:00 on the 10th there

        var report = Report(statistics, new DateTimeOffset(2026, 3, 11, 2, 59, 0, TimeSpan.Zero));
        Assert.Equal(1, report.Today.Total.Offered);
        Assert.Equal("Test-03", report.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero), report.Today.From);
        Assert.Equal(0, Report(statistics, new DateTimeOffset(2026, 3, 11, 3, 0, 0, TimeSpan.Zero)).Today.Total.Offered);
    }

    [Fact]
    public void Moving_the_desk_to_another_zone_carries_today_on_to_the_new_midnight()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test-03", TimeSpan.FromHours(-3), "Test-03", "Test-03");
        var statistics = new DeskStatistics();
        statistics.Offered("L1", Priority.P2, new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero));

        // 01:00 UTC on the 11th would start a new UTC day; moved to UTC-3 first, it is still the 10th there.
        statistics.MoveTo(zone, new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero));
        Assert.True(statistics.Changed);
        var report = Report(statistics, new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal("Test-03", report.TimeZone);
        Assert.Equal(1, report.Today.Total.Offered);
        Assert.Equal(0, Report(statistics, new DateTimeOffset(2026, 3, 11, 3, 0, 0, TimeSpan.Zero)).Today.Total.Offered);
    }

    [Fact]
    public void Stored_statistics_go_on_counting_where_they_stopped()
    {
        var statistics = new DeskStatistics();
        statistics.Offered("L1", Priority.P1, At(0));
        statistics.Offered("L2", Priority.P2, At(10));
        statistics.Answered("L2", Priority.P2, TimeSpan.FromSeconds(40), _target, At(11));
        Assert.True(statistics.Changed);

        var saved = statistics.Save();
        Assert.False(statistics.Changed);
        var restored = DeskStatistics.Restore(saved);
        Assert.Equal(Flat(Report(statistics, At(20))), Flat(Report(restored, At(20))));

        restored.Offered("L1", Priority.P1, At(61));
        var later = Report(restored, At(61));
        Assert.Equal(3, later.Today.Total.Offered);
        Assert.Equal(2, later.LastHour.Total.Offered); // minute 0 has left the hour, minute 10 has not

        // Restored after midnight: the stored day is over.
        Assert.Equal(0, Report(DeskStatistics.Restore(saved), At(24 * 60)).Today.Total.Offered);
        Assert.Equal(0, Report(DeskStatistics.Restore(null), At(0)).Today.Total.Offered);
    }

    [Fact]
    public void A_report_lists_a_tier_no_longer_configured_so_the_day_adds_up()
    {
        var statistics = new DeskStatistics();
        statistics.Offered("Old", Priority.P3, At(0));
        var today = Report(statistics, At(1)).Today;
        Assert.Equal(["L1", "L2", "Old"], today.Tiers.Select(t => t.Tier));
        Assert.Equal(today.Total.Offered, today.Tiers.Sum(t => t.Offered));
    }
}
