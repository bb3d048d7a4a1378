using System.Collections.Concurrent;
using Xunit.Abstractions;
using static SupportQueue.Scheduling.Tests.Problems;

namespace SupportQueue.Scheduling.Tests;

public class ShiftSolverTests(ITestOutputHelper output)
{
    [Fact]
    public void Hand_checkable_day_returns_the_known_optimum()
    {
        // Need 1,1,2,2,2,2,1,1 from 08:00. A full shift (8 h × 10 = 80) covers the base; the
        // 10:00–14:00 bump needs one more: a 4-hour shift at 10:00 (4 h × 12 = 48). Total 128.
        // Alternatives cost more: two full shifts 160; halves at 08, 10 and 12: 144.
        var problem = Problem([1, 1, 2, 2, 2, 2, 1, 1], Full(), Half(8, 10, 12));

        var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Hard));
        Log(schedule);

        Assert.Equal(ScheduleStatus.Optimal, schedule.Status);
        Assert.Equal(CoverageMode.Hard, schedule.ModeUsed);
        Assert.Equal(128.0, schedule.TotalCost, 9);
        Assert.Equal(12.0, schedule.TotalPaidHours, 9);
        Assert.Equal(0.0, schedule.Gap, 9);
        Assert.Collection(
            schedule.Roster,
            full => Assert.Equal(("full", Monday.AddHours(8), Monday.AddHours(16), 1, 80.0), (full.Template, full.Start, full.End, full.HeadCount, full.Cost)),
            half => Assert.Equal(("half", Monday.AddHours(10), Monday.AddHours(14), 1, 48.0), (half.Template, half.Start, half.End, half.HeadCount, half.Cost)));
        Assert.Equal([1, 1, 2, 2, 2, 2, 1, 1], schedule.Coverage.Select(row => row.Scheduled));
        Assert.All(schedule.Coverage, row => Assert.Equal(0.0, row.Shortfall));
    }

    [Fact]
    public void Breaks_take_agents_off_duty_so_two_full_shifts_stagger_them()
    {
        // One unpaid hour of break 3–4 h into the shift. One agent leaves a hole at 11:00 or
        // 12:00, so two are needed, with breaks in different hours; each is paid 7 h × 10.
        var lunch = new BreakRule(H(1), EarliestStart: H(3), LatestStart: H(4));
        var problem = Problem([1, 1, 1, 1, 1, 1, 1, 1], Full(breaks: [lunch]));

        var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Hard));
        Log(schedule);

        Assert.Equal(ScheduleStatus.Optimal, schedule.Status);
        Assert.Equal(140.0, schedule.TotalCost, 9);
        Assert.Equal(14.0, schedule.TotalPaidHours, 9);
        var breakStarts = schedule.Roster.SelectMany(line => Enumerable.Repeat(line.Breaks.Single().Start, line.HeadCount)).Order().ToList();
        Assert.Equal([Monday.AddHours(11), Monday.AddHours(12)], breakStarts);

        // Coverage counts the break: 2 on duty except 1 in each break hour.
        Assert.Equal([2, 2, 2, 1, 1, 2, 2, 2], schedule.Coverage.Select(row => row.Scheduled));
    }

    [Fact]
    public void A_break_shorter_than_the_interval_counts_as_part_of_it()
    {
        // A 30-minute paid break on an hourly grid: the agent covers half of that hour, so a
        // requirement of 1 there needs a second person; a 4-hour half shift at 10:00 is the cheapest.
        var coffee = new BreakRule(TimeSpan.FromMinutes(30), EarliestStart: H(3), LatestStart: H(3), Paid: true);
        var problem = Problem([1, 1, 1, 1, 1, 1, 1, 1], Full(breaks: [coffee]), Half(10));

        var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Hard));
        Log(schedule);

        Assert.Equal(80.0 + 48.0, schedule.TotalCost, 9);
        Assert.Equal(1.5, schedule.Coverage[3].Scheduled, 9); // 11:00: full half an hour + half shift
    }

    [Fact]
    public void A_cap_makes_coverage_soft_and_reports_where_and_by_how_much()
    {
        // At most one person a day, full shifts only: 10:00–14:00 stay one short in each hour.
        var problem = new ShiftProblem(Day, [new GroupRequirement("L1", [1, 1, 2, 2, 2, 2, 1, 1], HeadCountCap: 1)], [Full()]);

        var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Auto));
        Log(schedule);

        Assert.Equal(CoverageMode.Soft, schedule.ModeUsed);
        Assert.Equal(ScheduleStatus.Optimal, schedule.Status);
        Assert.Equal(["cost", "shortfall", "cost"], schedule.Phases.Select(p => p.Name));
        Assert.Equal(ScheduleStatus.Infeasible, schedule.Phases[0].Status);
        Assert.Equal(4.0, schedule.TotalShortfall, 9);
        Assert.Equal(80.0, schedule.TotalCost, 9);
        Assert.Equal(
            [(Monday.AddHours(10), 1.0), (Monday.AddHours(11), 1.0), (Monday.AddHours(12), 1.0), (Monday.AddHours(13), 1.0)],
            schedule.Shortfalls.Select(row => (row.Start, row.Shortfall)));
        Assert.Equal(4.0, schedule.Phases[1].Objective, 9); // weight 1 × 4 agent-intervals
    }

    [Fact]
    public void The_shortfall_objective_weighs_each_groups_agent_intervals()
    {
        // Two groups capped at one person a day, full shifts only: L1 is 2 short (10:00, 11:00),
        // L2 2 short (12:00, 13:00) at weight 5, so the shortfall phase ends at 2 × 1 + 2 × 5.
        var l1 = new GroupRequirement("L1", [1, 1, 2, 2, 1, 1, 1, 1], HeadCountCap: 1);
        var l2 = new GroupRequirement("L2", [0, 0, 0, 0, 2, 2, 0, 0], HeadCountCap: 1, ShortfallWeight: 5);
        var problem = new ShiftProblem(Day, [l1, l2], [Full(), Full("L2") with { Name = "full L2" }]);

        var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Soft));
        Log(schedule);

        Assert.Equal(4.0, schedule.TotalShortfall, 9);
        Assert.Equal([("L1", 2.0 * 1), ("L2", 2.0 * 5)], schedule.Phases.Where(p => p.Name == "shortfall").Select(p => (p.Group, p.Objective)));
        Assert.Equal(160.0, schedule.TotalCost, 9);
    }

    [Fact]
    public void An_interval_no_shift_reaches_is_short_in_soft_mode_and_an_error_in_hard_mode()
    {
        var problem = Problem([1, 1, 1, 1, 1, 1, 1, 1], Half(8));

        var soft = ShiftSolver.Solve(problem, Options(CoverageMode.Auto));
        Log(soft);
        Assert.Equal(CoverageMode.Soft, soft.ModeUsed);
        Assert.Equal(4.0, soft.TotalShortfall, 9);
        Assert.Equal(48.0, soft.TotalCost, 9);

        var error = Assert.Throws<ShiftProblemException>(() => ShiftSolver.Solve(problem, Options(CoverageMode.Hard)));
        Assert.Equal(4, error.Errors.Count);
        Assert.Equal("requirements[0] ('L1').required[4]", error.Errors[0].Field);
        Assert.Contains("2026-11-23T12:00", error.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_per_day_binds_and_hard_mode_says_infeasible()
    {
        var problem = Problem([2, 2, 2, 2, 2, 2, 2, 2], Full(maxPerDay: 1));

        var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Hard));
        Log(schedule);

        Assert.Equal(ScheduleStatus.Infeasible, schedule.Status);
        Assert.Empty(schedule.Roster);
        Assert.Equal(16.0, schedule.TotalShortfall, 9);
    }

    [Fact]
    public void A_week_on_a_cyclic_grid_wraps_night_shifts_into_monday_morning()
    {
        // Round the clock, one agent, 30-minute grid, a cyclic week: three 8-hour shifts a day.
        // The 22:00 Sunday shift covers Monday 00:00–06:00 only because the grid wraps.
        var grid = new IntervalGrid(Monday, 30, 7 * 48, Cyclic: true);
        var template = new ShiftTemplate("eight", "L1", [H(6), H(14), H(22)], [H(8)], CostPerPaidHour: 20);
        var problem = new ShiftProblem(grid, [new GroupRequirement("L1", Enumerable.Repeat(1, grid.Count).ToArray())], [template]);

        var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Hard));
        Log(schedule);

        Assert.Equal(ScheduleStatus.Optimal, schedule.Status);
        Assert.Equal(21, schedule.Roster.Sum(line => line.HeadCount));
        Assert.Equal(21 * 8 * 20.0, schedule.TotalCost, 9);
        Assert.All(schedule.Coverage, row => Assert.Equal(1.0, row.Scheduled));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_solver_is_deterministic_for_a_fixed_seed_and_worker_count(int workers)
    {
        var problem = WeekProblem();
        var options = Options(CoverageMode.Auto, workers, seed: 7) with { DeterministicTimeLimit = 1, TimeLimit = TimeSpan.FromSeconds(60) };

        var first = ShiftSolver.Solve(problem, options);
        Log(first);
        var second = ShiftSolver.Solve(problem, options);
        Log(second);

        Assert.True(first.Roster.Count > 0);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.TotalCost, second.TotalCost);
        Assert.Equal(first.Coverage.Select(r => r.Scheduled), second.Coverage.Select(r => r.Scheduled));
    }

    [Fact]
    public void Progress_reports_improving_solutions_with_a_bound_and_the_final_gap_matches()
    {
        var seen = new ConcurrentQueue<SolverProgress>();
        var schedule = ShiftSolver.Solve(WeekProblem(), Options(CoverageMode.Hard), new Recorder(seen));
        Log(schedule);

        // Each group (L1, L2) is solved on its own: improving solutions per group, and the
        // groups' last solutions add up to the roster's cost.
        Assert.Equal(["L1", "L2"], seen.Select(p => p.Group).Distinct());
        Assert.All(seen, p => Assert.Equal("cost", p.Phase));
        Assert.All(seen, p => Assert.True(p.Bound <= p.Objective + 1e-6, $"bound {p.Bound} above objective {p.Objective}"));
        foreach (var group in seen.GroupBy(p => p.Group))
        {
            var objectives = group.Select(p => p.Objective).ToList();
            Assert.Equal(objectives.OrderDescending(), objectives);
        }

        Assert.Equal(schedule.TotalCost, seen.GroupBy(p => p.Group).Sum(g => g.Last().Objective), 6);
        Assert.InRange(schedule.Gap, 0, 1);
        Assert.Equal(schedule.Phases.Max(p => p.Gap), schedule.Gap);
    }

    [Fact]
    public void Cancellation_stops_the_search_and_returns_what_it_has()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var schedule = ShiftSolver.Solve(WeekProblem(), Options(CoverageMode.Hard), cancellationToken: cancel.Token);
        Log(schedule);

        Assert.Equal(ScheduleStatus.NoSolution, schedule.Status);
        Assert.Empty(schedule.Roster);
    }

    /// <summary>Weekdays (Monday on) at 30 minutes with a lunch-time peak, two tiers and several templates.</summary>
    internal static ShiftProblem WeekProblem(int days = 5)
    {
        var grid = new IntervalGrid(Monday.AddHours(7), 30, days * 48 - 14);
        int Need(int t, double peak)
        {
            var hour = grid.IntervalStart(t).TimeOfDay.TotalHours;
            if (hour is < 8 or >= 20)
            {
                return 0;
            }

            return (int)Math.Round(2 + peak * Math.Exp(-Math.Pow((hour - 12.5) / 2.5, 2)) + (t % 3 == 0 ? 1 : 0));
        }

        var l1 = new GroupRequirement("L1", Enumerable.Range(0, grid.Count).Select(t => Need(t, 8)).ToArray());
        var l2 = new GroupRequirement("L2", Enumerable.Range(0, grid.Count).Select(t => Need(t, 3)).ToArray(), HeadCountCap: 12);
        var lunch = new BreakRule(TimeSpan.FromMinutes(30), H(3), H(5));
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        ShiftTemplate[] templates =
        [
            new("L1 day", "L1", [H(7), H(8), H(9), H(10), H(11), H(12)], [H(8), H(8.5)], 22, weekdays, [lunch]),
            new("L1 part", "L1", [H(10), H(11), H(12), H(14), H(16)], [H(4)], 25, weekdays, MaxPerDay: 6),
            new("L2 day", "L2", [H(8), H(9), H(10), H(11), H(12)], [H(8.5)], 35, weekdays, [lunch], MinPerDay: 1),
        ];
        return new ShiftProblem(grid, [l1, l2], templates);
    }

    private void Log(ShiftSchedule schedule)
    {
        foreach (var phase in schedule.Phases)
        {
            output.WriteLine($"{phase.Name}: {phase.Status}, objective {phase.Objective:0.##}, bound {phase.Bound:0.##}, gap {phase.Gap:P2}, {phase.WallTime.TotalMilliseconds:0} ms");
        }
    }

    private static List<string> Describe(ShiftSchedule schedule) =>
        schedule.Roster.Select(l => $"{l.Template} {l.Start:o} {l.End:o} [{string.Join(",", l.Breaks.Select(b => b.After))}] ×{l.HeadCount}").ToList();

    private sealed class Recorder(ConcurrentQueue<SolverProgress> seen) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => seen.Enqueue(value);
    }
}
