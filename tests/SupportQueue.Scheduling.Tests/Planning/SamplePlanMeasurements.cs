using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;
using SupportQueue.Json;
using SupportQueue.Scheduling.Planning;
using Xunit.Abstractions;

namespace SupportQueue.Scheduling.Tests.Planning;

/// <summary>
/// The plan pipeline on the shipped samples with scheduling sections written here (the sample files
/// carry none yet): wall time, requirement rounds, solver gap, share of loaded intervals meeting the
/// target, paid hours against the Erlang roster. Replications run in process, two at a time.
/// </summary>
public class SamplePlanMeasurements(ITestOutputHelper output)
{
    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    private static ImmutableArray<TimeSpan> Starts(double from, double to, double step) =>
        [.. Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(i => H(from + (i * step)))];

    [MeasureFact]
    public void Retail_holiday_peak() => Measure("retail-holiday-peak.json", new SchedulingSpec
    {
        Templates =
        [
            new("L1-day", "L1", Starts(6, 16, 1), [H(8)], 22, Breaks: [new(TimeSpan.FromMinutes(15), H(1.5), H(2.5)), new(TimeSpan.FromMinutes(30), H(3.5), H(5))]),
            new("L1-part", "L1", Starts(9, 18, 1), [H(4)], 25),
            new("L1-night", "L1", [H(22)], [H(9)], 26, Breaks: [new(TimeSpan.FromMinutes(30), H(4), H(5))]),
            new("L2-day", "L2", Starts(7, 15, 1), [H(8)], 30, Breaks: [new(TimeSpan.FromMinutes(30), H(3.5), H(5))]),
            new("L2-night", "L2", [H(23)], [H(9)], 34, Breaks: [new(TimeSpan.FromMinutes(30), H(4), H(5))]),
            new("L3-day", "L3", Starts(8, 12, 1), [H(8)], 50, Breaks: [new(TimeSpan.FromMinutes(45), H(3.5), H(5))]),
            new("L3-late", "L3", Starts(14, 16, 1), [H(8)], 55, Breaks: [new(TimeSpan.FromMinutes(45), H(3.5), H(5))]),
            new("L3-night", "L3", [H(22)], [H(9)], 60, Breaks: [new(TimeSpan.FromMinutes(30), H(4), H(5))]),
        ],
        Solver = new PlanSolverSpec(TimeSpan.FromSeconds(30), Seed: 1, Workers: 1, RelativeGapLimit: 0.01),
    });

    [MeasureFact]
    public void B2b_saas_weekday() => Measure("b2b-saas-weekday.json", new SchedulingSpec
    {
        Templates =
        [
            new("L1-day", "L1", Starts(7.5, 10.5, 0.5), [H(8.5)], 30, Breaks: [new(TimeSpan.FromMinutes(30), H(3.5), H(5))]),
            new("L1-part", "L1", Starts(8, 15, 0.5), [H(4)], 34),
            new("L2-day", "L2", Starts(8, 13, 0.5), [H(9)], 45, Breaks: [new(H(1), H(3.5), H(5))]),
            new("L3-day", "L3", Starts(8, 13, 0.5), [H(9)], 70, Breaks: [new(H(1), H(3.5), H(5))]),
        ],
        Solver = new PlanSolverSpec(TimeSpan.FromSeconds(30), Seed: 1, Workers: 1, RelativeGapLimit: 0.01),
    });

    private void Measure(string file, SchedulingSpec spec)
    {
        var scenario = ScenarioJson.ParseScenario(File.ReadAllText(Sample(file)), file);
        ReplicationRunner runner = (s, staffing) =>
        {
            var results = new ReplicationResult[s.Replications];
            Parallel.For(0, s.Replications, new ParallelOptions { MaxDegreeOfParallelism = 2 }, r =>
                results[r] = new SimulationRun(s, r, new SimulationOptions { StaffingOverride = staffing }).RunFast());
            return results;
        };
        var clock = Stopwatch.StartNew();
        var result = RosterPlanner.Plan(new PlanRequest(scenario, spec), runner, new Lines(output, clock));
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"== {file}: wall {result.WallTime.TotalSeconds:0.0} s; phases {string.Join(", ", result.PhaseTimes.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:0.0} s"))}"));
        output.WriteLine($"ISA {result.Requirement.Rounds} rounds, converged {result.Requirement.Converged}: {result.Requirement.StopReason}; max change per round {string.Join(",", result.Requirement.MaxChangePerRound)}");
        output.WriteLine(string.Create(inv, $"solver {result.Totals.Solve.Status} {result.Totals.Solve.ModeUsed}, gap {result.Totals.Solve.Gap:P2}, {result.Totals.Solve.WallTime.TotalSeconds:0.0} s; Erlang roster gap {result.ErlangRoster.Solve.Gap:P2}"));
        foreach (var v in result.Verification)
        {
            output.WriteLine(string.Create(inv, $"verify {v.Round}: {v.MetByMean}/{v.LoadedIntervals} met by mean ({(double)v.MetByMean / v.LoadedIntervals:P1}), {v.Missed} shown to miss, raised {v.Raised}, {v.PaidHours:0} paid h, gap {v.Gap:P2}"));
        }

        foreach (var tier in result.Tiers)
        {
            var rows = result.Intervals.Where(r => r.Tier == tier && r.Counted && r.Loaded).ToArray();
            output.WriteLine(string.Create(inv,
                $"{tier}: {rows.Length} loaded, met by mean {rows.Count(r => r.Verdict is IntervalVerdict.Met or IntervalVerdict.MeanMet)}, not shown to miss {rows.Count(r => r.Verdict != IntervalVerdict.Missed)}; " +
                $"paid h ISA {result.Roster.Where(l => l.Tier == tier).Sum(l => l.PaidHours):0}; on-duty agent-h ISA {rows.Sum(r => r.SimulatedRequired) * result.IntervalMinutes / 60.0:0} vs Erlang {rows.Sum(r => r.ErlangRequired) * result.IntervalMinutes / 60.0:0}"));
        }

        output.WriteLine(string.Create(inv, $"met by mean {result.MetByMeanShare:P1}, not shown to miss {result.NotMissedShare:P1}; paid hours {result.Totals.PaidHours:0} (cost {result.Totals.Cost:0}) vs Erlang roster {result.ErlangRoster.PaidHours:0} (cost {result.ErlangRoster.Cost:0})"));
        var coverable = result.Intervals.Where(r => r.Counted && r.Loaded && !result.Missing.Any(m => m.Reason == MissReason.NotCoverable && m.Tier == r.Tier && m.Interval == r.Interval)).ToArray();
        output.WriteLine(string.Create(inv, $"within the templates' reach: {coverable.Length} loaded, met by mean {coverable.Count(r => r.Verdict is IntervalVerdict.Met or IntervalVerdict.MeanMet) / (double)coverable.Length:P1}, not shown to miss {coverable.Count(r => r.Verdict != IntervalVerdict.Missed) / (double)coverable.Length:P1}"));
        foreach (var reason in result.Missing.GroupBy(m => m.Reason))
        {
            output.WriteLine($"missing {reason.Key}: {reason.Count()}");
        }

        Assert.NotEmpty(result.Roster);
    }

    private static string Sample(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "client", "scenarios", file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("sample scenario not found above the test directory", file);
    }

    private sealed class Lines(ITestOutputHelper output, Stopwatch clock) : IProgress<PlanProgress>
    {
        private readonly Lock _gate = new();
        private TimeSpan _last = TimeSpan.FromSeconds(-10);

        public void Report(PlanProgress value)
        {
            using var scope = _gate.EnterScope();
            // Solver progress comes many times a second; keep one line in two seconds of it.
            if (value.Objective is not null && clock.Elapsed - _last < TimeSpan.FromSeconds(2))
            {
                return;
            }

            _last = clock.Elapsed;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Elapsed.TotalSeconds,6:0.0} s [{value.Phase} {value.Round}] {value.Message}"));
        }
    }
}
