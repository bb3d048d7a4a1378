using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// The simulation-based iterative staffing algorithm (Feldman, Mandelbaum, Massey and Whitt 2008)
/// for a service-level target per tier: simulate with staffing s_k(t), set each s_k(t) to the least
/// head count whose service level in that interval meets tier k's target, and repeat with the same
/// seeds (common random numbers) until no interval moves by more than one agent (FMMW's rule), or
/// the cap. The tier network is simulated whole, so L2's load is L1's escalations as they happen
/// under L1's staffing. It starts from the modified-offered-load staffing
/// (<see cref="OfferedLoadStart"/>), and each interval's update is a model-based jump
/// (<see cref="IsaStep"/>): the simulated service level calibrates an effective Erlang load at the
/// current head count, and the next head count is the least meeting the target under it, bracketed
/// by the head counts already seen to meet or miss. Neighbouring low-volume intervals are pooled
/// (<see cref="IsaBlock"/>); an interval that zig-zags between two head counts settles at the
/// larger; observations are dropped when an interval within one handling time before it moved by
/// more than one agent, since carried-over work moved its curve.
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
        var models = new CalibratedErlang[tiers];
        var starts = new int[tiers][];
        var staffing = New<int>(tiers, intervals);
        var summary = SimulationSummary.Merge(baseline);
        for (var k = 0; k < tiers; k++)
        {
            var offered = Enumerable.Range(0, intervals).Select(t => baseline.Sum(r => (double)r.Tiers[k].Offered[t])).ToArray();
            var perRun = offered.Select(x => x / Math.Max(1, baseline.Count)).ToArray();
            var aht = StaffingPlan.ObservedAht(summary, k) ?? StaffingPlan.ScenarioAht(scenario, k);
            var capacity = StaffingPlan.TierCapacity(scenario, scenario.Desk.Tiers[k].Name);
            var threshold = targets[k].Threshold.TotalMinutes;
            models[k] = new CalibratedErlang(aht, threshold, capacity);
            starts[k] = OfferedLoadStart.Staffing(perRun, scenario.IntervalMinutes, aht, StaffingPlan.PatienceAt(scenario, k), threshold, targets[k].Target, capacity);
            blocks[k] = IsaBlock.Build(offered, firstCounted, options.PoolBelowTickets, options.MaxPool);
            foreach (var block in blocks[k])
            {
                var start = starts[k].Skip(block.First).Take(block.Length).Max();
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
                        // No ticket this round (an escalation or reopen can move across the boundary as
                        // other intervals' staffing changes): nothing to learn, so the head count stays —
                        // dropping it to 0 would only make the next ticket wait (never loaded: it started at 0).
                        observations[k][b].Clear();
                        (value, settled[k][b]) = (staffing[k][block.First], true);
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
                        var start = starts[k].Skip(block.First).Take(block.Length).Max();
                        (value, settled[k][b]) = IsaStep.Next(observations[k][b], targets[k].Target, staff, models[k], sl.MeanOffered * runs.Count, start);
                        (value, settled[k][b]) = Damp(history[k][b], staff, value, settled[k][b]);
                        if (round > options.TwoSidedRounds && value < staff)
                        {
                            // Upward only from here: raising one interval never hurts another (it only
                            // takes carried-over work away), so the loop climbs to a fixed point instead
                            // of swinging; the two-sided rounds before have brought it close from both sides.
                            (value, settled[k][b]) = (staff, true);
                        }
                        else if (round > options.TwoSidedRounds && value > staff && !sl.WhollyBelow(targets[k].Target))
                        {
                            // A miss the noise could explain does not raise a head count any more: once
                            // raised it could never come down, and verification with fresh seeds judges it.
                            (value, settled[k][b]) = (staff, true);
                        }
                    }

                    unsettled += settled[k][b] ? 0 : block.Length;
                    Array.Fill(next[k], value, block.First, block.Length);
                }
            }

            FillWarmUp(next, firstCounted, perDay);
            var iteration = convergence.Record(next);
            progress?.Report($"round {round}: {iteration.ChangedIntervals} intervals changed, largest change {iteration.MaxChange} ({Moves(scenario, staffing, next)}), {unsettled} intervals unsettled");
            staffing = next;
            if (convergence.Converged)
            {
                stopReason = iteration.MaxChange == 0
                    ? $"converged in round {round}: no interval moved"
                    : $"converged in round {round}: no interval moved by more than {options.Tolerance} agent(s) ({iteration.ChangedIntervals} moved by one)";
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

        var converged = convergence.Converged;
        return new IterativeStaffingResult(
            [.. scenario.Desk.Tiers.Select(t => t.Name)], targets, erlang, staffing, levels, settledIntervals,
            convergence.Iterations, converged, firstCounted, unsettled, stopReason);
    }

    /// <summary>
    /// Damping. A block whose last moves went a → b → a settles at the larger of the two (iterating
    /// further would only alternate). A move that reverses the block's previous one goes half as
    /// far: with the intervals updated together, a shortage carried in from a short-staffed interval
    /// before makes this one look busier than it will be once that interval is raised, and the full
    /// jump back and forth is what kept large tiers swinging (a Jacobi iteration's overshoot).
    /// </summary>
    private static (int Next, bool Settled) Damp(List<int> history, int staff, int next, bool settled)
    {
        history.Add(staff);
        if (history.Count < 2 || next == staff)
        {
            return (next, settled);
        }

        if (next == history[^2])
        {
            return (Math.Max(next, staff), true);
        }

        var before = staff - history[^2];
        var step = next - staff;
        if (before != 0 && Math.Sign(before) != Math.Sign(step) && Math.Abs(step) > 1)
        {
            return (staff + (Math.Sign(step) * ((Math.Abs(step) + 1) / 2)), false);
        }

        return (next, settled);
    }

    /// <summary>
    /// An interval within <paramref name="lookback"/> before <paramref name="t"/> moved by more than
    /// one agent and more than a tenth of its head count (a few agents more or less on a large tier
    /// barely change the work it passes on, and dropping observations loses their bracket).
    /// </summary>
    private static bool Moved(int[] before, int[] now, int t, int lookback)
    {
        for (var j = Math.Max(0, t - Math.Max(1, lookback)); j < t; j++)
        {
            if (Math.Abs(before[j] - now[j]) > Math.Max(1, before[j] / 10))
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

    /// <summary>Per tier: intervals that moved, and the largest move (where, from → to).</summary>
    private static string Moves(Scenario scenario, int[][] before, int[][] after)
    {
        var parts = new List<string>();
        for (var k = 0; k < before.Length; k++)
        {
            var moved = 0;
            var worst = -1;
            for (var t = 0; t < before[k].Length; t++)
            {
                if (before[k][t] != after[k][t])
                {
                    moved++;
                    worst = worst < 0 || Math.Abs(after[k][t] - before[k][t]) > Math.Abs(after[k][worst] - before[k][worst]) ? t : worst;
                }
            }

            parts.Add(worst < 0
                ? $"{scenario.Desk.Tiers[k].Name} none"
                : $"{scenario.Desk.Tiers[k].Name} {moved}, most at {scenario.Start.AddMinutes(worst * scenario.IntervalMinutes):ddd HH:mm} {before[k][worst]}→{after[k][worst]}");
        }

        return string.Join("; ", parts);
    }

    private static long Sum(int[][] staffing) => staffing.Sum(r => r.Sum(x => (long)x));

    private static T[][] New<T>(int rows, int columns) where T : new() =>
        [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => new T()).ToArray())];
}
