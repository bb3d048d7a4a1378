using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// The simulation-based iterative staffing algorithm (Feldman, Mandelbaum, Massey and Whitt 2008)
/// for a service-level target per tier: simulate with staffing s_k(t), and set each s_k(t) to the
/// least head count whose simulated service level in that interval meets tier k's target; repeat
/// with the same seeds (common random numbers) until no interval moves, or the cap. The tier network
/// is simulated whole, so L2's load is L1's escalations as they happen under L1's staffing.
/// Per interval the search is local: an interval that meets its target tries one agent fewer, one
/// that misses goes up (by a fifth when far below); an interval is settled when it meets at s and
/// missed at s − 1. Its observations are dropped when an interval within one handling time before
/// it moved by more than one agent, since carried-over work moved its curve.
/// </summary>
public static class IterativeStaffing
{
    /// <param name="scenario">The scenario; its roster is the baseline and names the groups to override.</param>
    /// <param name="simulate">Runs the scenario's replications (same seed on every call) with the
    /// given staffing override (null: the scenario's roster as written).</param>
    /// <param name="options">Iteration cap and tolerance.</param>
    /// <param name="progress">One line per phase and round.</param>
    public static IterativeStaffingResult Run(
        Scenario scenario,
        Func<ImmutableDictionary<string, ImmutableArray<int>>?, IReadOnlyList<ReplicationResult>> simulate,
        IterativeStaffingOptions? options = null,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(simulate);
        options ??= new IterativeStaffingOptions();
        var tiers = scenario.Desk.TierCount;
        var intervals = scenario.IntervalCount;
        var targets = TierTarget.For(scenario);
        var firstCounted = Math.Min(intervals - 1, (int)Math.Ceiling(scenario.WarmUp.TotalMinutes / scenario.IntervalMinutes - 1e-9));

        progress?.Report("baseline: simulating the scenario's roster for the offered load");
        var baseline = simulate(null);
        var plan = StaffingPlan.Build(scenario, SimulationSummary.Merge(baseline));
        var erlang = New<int>(tiers, intervals);
        var lookback = new int[tiers];
        foreach (var row in plan.Rows)
        {
            var k = scenario.Desk.TierIndex(row.Tier);
            erlang[k][row.Interval] = row.RequiredAgents;
            lookback[k] = Math.Max(lookback[k], (int)Math.Ceiling(row.AhtMinutes / scenario.IntervalMinutes));
        }

        var perDay = 1440 / scenario.IntervalMinutes;
        FillWarmUp(erlang, firstCounted, perDay);
        var staffing = erlang.Select(r => (int[])r.Clone()).ToArray();
        var observations = New<List<StaffingObservation>>(tiers, intervals);
        var settled = New<bool>(tiers, intervals);
        var convergence = new IsaConvergence(options.MaxIterations, options.Tolerance);
        convergence.Record(staffing);
        IReadOnlyList<ReplicationResult> runs;
        int[][] previous = staffing;
        while (true)
        {
            var round = convergence.Iterations.Count;
            progress?.Report($"round {round}: simulating {Sum(staffing)} agent-intervals");
            runs = simulate(TierStaffingOverride.Build(scenario, staffing));
            var next = New<int>(tiers, intervals);
            for (var k = 0; k < tiers; k++)
            {
                for (var t = firstCounted; t < intervals; t++)
                {
                    var sl = IntervalServiceLevel.Of(runs, k, t);
                    if (!sl.Loaded)
                    {
                        observations[k][t].Clear();
                        settled[k][t] = true;
                        next[k][t] = 0;
                        continue;
                    }

                    if (Moved(previous[k], staffing[k], t, lookback[k]))
                    {
                        observations[k][t].Clear();
                    }

                    observations[k][t].RemoveAll(o => o.Staff == staffing[k][t]);
                    observations[k][t].Add(new StaffingObservation(staffing[k][t], sl.Mean, sl.HalfWidth));
                    (next[k][t], settled[k][t]) = Step(observations[k][t], targets[k].Target, staffing[k][t]);
                }
            }

            FillWarmUp(next, firstCounted, perDay);
            var iteration = convergence.Record(next);
            progress?.Report($"round {round}: {iteration.ChangedIntervals} intervals changed, largest change {iteration.MaxChange}");
            previous = staffing;
            staffing = next;
            if (iteration.MaxChange == 0 || convergence.Done)
            {
                break;
            }
        }

        // The report's service levels belong to the final staffing: simulate it when the last round moved.
        if (convergence.Iterations[^1].MaxChange != 0)
        {
            progress?.Report("final: simulating the last staffing");
            runs = simulate(TierStaffingOverride.Build(scenario, staffing));
        }

        var levels = new IntervalServiceLevel[tiers][];
        for (var k = 0; k < tiers; k++)
        {
            levels[k] = new IntervalServiceLevel[intervals];
            for (var t = 0; t < intervals; t++)
            {
                levels[k][t] = IntervalServiceLevel.Of(runs, k, t);
            }
        }

        return new IterativeStaffingResult(
            [.. scenario.Desk.Tiers.Select(t => t.Name)], targets, erlang, staffing, levels, settled,
            convergence.Iterations, convergence.Converged || convergence.Iterations[^1].MaxChange == 0, firstCounted);
    }

    /// <summary>The next head count to try and whether the interval is settled.</summary>
    internal static (int Next, bool Settled) Step(List<StaffingObservation> observations, double target, int staff)
    {
        var here = observations.First(o => o.Staff == staff);
        if (here.Performance >= target)
        {
            var below = observations.FirstOrDefault(o => o.Staff == staff - 1);
            if (staff == 0 || (below is not null && below.Performance < target))
            {
                return (staff, true);
            }

            return (below is null ? staff - 1 : LowestMeeting(observations, target) - 1, false);
        }

        var above = observations.Where(o => o.Staff > staff && o.Performance >= target).Select(o => o.Staff).DefaultIfEmpty(int.MaxValue).Min();
        var step = here.Performance < target - 0.15 ? Math.Max(1, (staff + 4) / 5) : 1;
        return (Math.Min(staff + step, above), above == staff + 1);
    }

    private static int LowestMeeting(List<StaffingObservation> observations, double target) =>
        observations.Where(o => o.Performance >= target).Min(o => o.Staff);

    /// <summary>An interval within <paramref name="lookback"/> before <paramref name="t"/> moved by more than one agent.</summary>
    private static bool Moved(int[] before, int[] now, int t, int lookback)
    {
        for (var j = Math.Max(0, t - Math.Max(1, lookback)); j < t; j++)
        {
            if (Math.Abs(before[j] - now[j]) > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Warm-up intervals count no tickets, so they get the staffing of the same time of day in the
    /// first counted day (or of the first counted interval when the run is shorter).
    /// </summary>
    private static void FillWarmUp(int[][] staffing, int firstCounted, int perDay)
    {
        foreach (var row in staffing)
        {
            for (var t = 0; t < firstCounted; t++)
            {
                var same = t + (((firstCounted - t + perDay - 1) / perDay) * perDay);
                row[t] = row[same < row.Length ? same : firstCounted];
            }
        }
    }

    private static long Sum(int[][] staffing) => staffing.Sum(r => r.Sum(x => (long)x));

    private static T[][] New<T>(int rows, int columns) where T : new() =>
        [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => new T()).ToArray())];
}
