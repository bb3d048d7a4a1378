using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// The simulation-based iterative staffing algorithm (Feldman, Mandelbaum, Massey and Whitt 2008)
/// for a service-level target per tier: simulate with staffing s_k(t), and set each s_k(t) to the
/// least head count whose simulated service level in that interval meets tier k's target; repeat
/// with the same seeds (common random numbers) until every loaded interval is settled, or the cap.
/// The tier network is simulated whole, so L2's load is L1's escalations as they happen under L1's
/// staffing. Each interval's search is local and noise-aware (<see cref="IsaStep"/>): it walks down
/// only while the confidence interval shows the target met, and settles where one fewer missed or
/// where the noise cannot tell. Neighbouring low-volume intervals are pooled (<see cref="IsaBlock"/>).
/// An interval that zig-zags between two head counts settles at the larger. Observations are dropped
/// when an interval within one handling time before it moved by more than one agent, since
/// carried-over work moved its curve.
/// </summary>
public static class IterativeStaffing
{
    /// <param name="scenario">The scenario; its roster is the baseline and names the groups to override.</param>
    /// <param name="simulate">Runs the scenario's replications (same seed on every call) with the
    /// given staffing override (null: the scenario's roster as written).</param>
    /// <param name="options">Iteration cap and pooling.</param>
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
        var blocks = new List<IsaBlock>[tiers];
        var staffing = erlang.Select(r => (int[])r.Clone()).ToArray();
        for (var k = 0; k < tiers; k++)
        {
            var offered = Enumerable.Range(0, intervals).Select(t => baseline.Sum(r => (double)r.Tiers[k].Offered[t])).ToArray();
            blocks[k] = IsaBlock.Build(offered, firstCounted, options.PoolBelowTickets, options.MaxPool);
            foreach (var block in blocks[k])
            {
                var start = erlang[k].Skip(block.First).Take(block.Length).Max();
                Array.Fill(staffing[k], start, block.First, block.Length);
            }
        }

        FillWarmUp(staffing, firstCounted, perDay);
        var observations = blocks.Select(b => b.Select(_ => new List<StaffingObservation>()).ToArray()).ToArray();
        var settled = blocks.Select(b => new bool[b.Count]).ToArray();
        var history = blocks.Select(b => b.Select(_ => new List<int>()).ToArray()).ToArray();
        var context = blocks.Select(b => new int[b.Count][]).ToArray();
        var convergence = new IsaConvergence(options.MaxIterations, options.Tolerance);
        convergence.Record(staffing);
        IReadOnlyList<ReplicationResult> runs;
        var unsettled = 0;
        string stopReason;
        while (true)
        {
            var round = convergence.Iterations.Count;
            progress?.Report($"round {round}: simulating {Sum(staffing)} agent-intervals");
            runs = simulate(TierStaffingOverride.Build(scenario, staffing));
            var next = staffing.Select(r => (int[])r.Clone()).ToArray();
            unsettled = 0;
            for (var k = 0; k < tiers; k++)
            {
                for (var b = 0; b < blocks[k].Count; b++)
                {
                    var block = blocks[k][b];
                    var sl = IntervalServiceLevel.Of(runs, k, block.First, block.Last);
                    int value;
                    if (!sl.Loaded)
                    {
                        observations[k][b].Clear();
                        (value, settled[k][b]) = (0, true);
                    }
                    else
                    {
                        var staff = staffing[k][block.First];
                        if (observations[k][b].Count == 0 || Moved(context[k][b], staffing[k], block.First, lookback[k]))
                        {
                            // Work carried in changed since these observations began (by more than one
                            // agent somewhere within a handling time before): they no longer hold. A
                            // settled block stays settled unless its new observation says otherwise.
                            observations[k][b].Clear();
                            context[k][b] = (int[])staffing[k].Clone();
                        }

                        observations[k][b].RemoveAll(o => o.Staff == staff);
                        observations[k][b].Add(new StaffingObservation(staff, sl.Mean, sl.HalfWidth));
                        (value, settled[k][b]) = IsaStep.Next(observations[k][b], targets[k].Target, staff, settled[k][b]);
                        (value, settled[k][b]) = Damp(history[k][b], staff, value, settled[k][b]);
                    }

                    unsettled += settled[k][b] ? 0 : block.Length;
                    Array.Fill(next[k], value, block.First, block.Length);
                }
            }

            FillWarmUp(next, firstCounted, perDay);
            var iteration = convergence.Record(next);
            progress?.Report($"round {round}: {iteration.ChangedIntervals} intervals changed, largest change {iteration.MaxChange}, {unsettled} intervals unsettled");
            staffing = next;
            if (iteration.MaxChange == 0 || unsettled == 0)
            {
                stopReason = unsettled == 0 ? $"every loaded interval settled after {round} rounds" : $"no interval moved in round {round}";
                break;
            }

            if (convergence.Done)
            {
                stopReason = $"stopped at the cap of {options.MaxIterations} rounds: {unsettled} intervals unsettled, last change up to {iteration.MaxChange} agents";
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
        var settledIntervals = New<bool>(tiers, intervals);
        for (var k = 0; k < tiers; k++)
        {
            levels[k] = new IntervalServiceLevel[intervals];
            for (var t = 0; t < intervals; t++)
            {
                levels[k][t] = IntervalServiceLevel.Of(runs, k, t);
            }

            for (var b = 0; b < blocks[k].Count; b++)
            {
                Array.Fill(settledIntervals[k], settled[k][b], blocks[k][b].First, blocks[k][b].Length);
            }
        }

        var converged = unsettled == 0 || convergence.Iterations[^1].MaxChange == 0;
        return new IterativeStaffingResult(
            [.. scenario.Desk.Tiers.Select(t => t.Name)], targets, erlang, staffing, levels, settledIntervals,
            convergence.Iterations, converged, firstCounted, unsettled, stopReason);
    }

    /// <summary>
    /// Zig-zag damping: a block whose last moves went a → b → a settles at the larger of the two
    /// (iterating further would only alternate); otherwise the step stands.
    /// </summary>
    private static (int Next, bool Settled) Damp(List<int> history, int staff, int next, bool settled)
    {
        history.Add(staff);
        if (!settled && history.Count >= 2 && next == history[^2] && next != staff)
        {
            return (Math.Max(next, staff), true);
        }

        return (next, settled);
    }

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
