using System.Globalization;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Planning;

namespace SupportQueue.Client.Planning;

/// <summary>The figures of a plan as text tables and sentences, shared by the console and report.html.</summary>
public static class PlanTables
{
    /// <summary>How the verified roster stands against the targets, in one sentence.</summary>
    public static string Verdict(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var last = result.Verification.IsDefaultOrEmpty ? null : result.Verification[^1];
        var loaded = result.LoadedIntervals;
        var met = (int)Math.Round(result.MetByMeanShare * loaded);
        var missed = result.Intervals.Count(r => r.Counted && r.InTemplateHours && r.Verdict == IntervalVerdict.Missed);
        var how = last is null ? "" : $" (seed {last.Seed.ToString(CultureInfo.InvariantCulture)}, {last.Replications.ToString(CultureInfo.InvariantCulture)} replications)";

        // Tickets outside every template's hours (reopens, escalations at night) wait for opening time
        // by design: stated apart, not mixed into the share a roster from these templates can change.
        var outside = result.OutsideTemplateHours;
        var outsideText = outside == 0 ? "" : " " + OutsideHours(result);
        return $"Verified with fresh seeds{how}: {I(met)} of {I(loaded)} loaded intervals within the templates' hours ({ReportFormat.Percent(result.MetByMeanShare)}) meet their target by the mean; " +
            $"{I(missed)} shown to miss (95 % interval wholly below the target).{outsideText}";
    }

    /// <summary>The loaded intervals no template can be on duty in, in one sentence.</summary>
    public static string OutsideHours(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Intervals.Where(r => r.OutsideTemplateHours).ToList();
        var perTier = string.Join(", ", rows.GroupBy(r => r.Tier).Select(g => $"{g.Key} {I(g.Count())}"));
        return rows.Count == 0
            ? "No loaded interval lies outside the templates' hours."
            : $"Outside the templates' hours: {I(rows.Count)} loaded interval(s) ({perTier}), {ReportFormat.Count(rows.Sum(r => r.Offered))} tickets per replication; " +
              "their tickets wait for opening (not in the share above; widen the templates' start times or days to serve them).";
    }

    /// <summary>Paid hours and cost against the Erlang-based roster from the same solver, in one sentence.</summary>
    public static string Cost(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plan = result.Totals;
        var erlang = result.ErlangRoster;
        var change = erlang.Cost > 0 ? (plan.Cost - erlang.Cost) / erlang.Cost : double.NaN;
        var direction = change < 0 ? "less" : "more";
        return $"Roster: {Hours(plan.PaidHours)} paid hours, cost {PlanCsv.Money(plan.Cost)} (solver {plan.Solve.Status}, gap {ReportFormat.Percent(plan.Solve.Gap)}). " +
            $"Erlang-based roster from the same solver: {Hours(erlang.PaidHours)} paid hours, cost {PlanCsv.Money(erlang.Cost)}" +
            (double.IsFinite(change) ? $" — the plan costs {ReportFormat.Percent(Math.Abs(change))} {direction}." : ".");
    }

    /// <summary>How the requirement search ended.</summary>
    public static string Requirement(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var run = result.Requirement;
        var changes = run.MaxChangePerRound.IsDefaultOrEmpty ? "" : $"; largest change per round {string.Join(", ", run.MaxChangePerRound)}";
        return $"Requirement by simulation: {I(run.Rounds)} round(s) of {I(run.Replications)} replications, " +
            $"{(run.Converged ? "converged" : "not converged")} ({run.StopReason}){changes}.";
    }

    public static TextTable Tiers(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var hours = result.IntervalMinutes / 60.0;
        var rows = new List<IReadOnlyList<string>>();
        for (var t = 0; t < result.Tiers.Length; t++)
        {
            var tier = result.Tiers[t];
            var counted = result.Intervals.Where(r => r.Tier == tier && r.Counted).ToList();
            var loaded = counted.Where(r => r.Loaded && r.InTemplateHours).ToList();
            var met = loaded.Count(r => r.Verdict is IntervalVerdict.Met or IntervalVerdict.MeanMet);
            var roster = result.Roster.Where(l => l.Tier == tier).ToList();
            var target = result.Targets[t];
            rows.Add([
                tier,
                $"{ReportFormat.Percent(target.Target)} ≤ {ReportFormat.Duration(target.Threshold)}",
                I(loaded.Count),
                $"{I(met)} ({ReportFormat.Percent(loaded.Count == 0 ? double.NaN : met / (double)loaded.Count)})",
                I(loaded.Count(r => r.Verdict == IntervalVerdict.Missed)),
                I(counted.Count(r => r.OutsideTemplateHours)),
                Hours(counted.Sum(r => r.ErlangRequired) * hours),
                Hours(counted.Sum(r => r.SimulatedRequired) * hours),
                Hours(counted.Sum(r => r.Scheduled) * hours),
                Hours(roster.Sum(l => l.PaidHours)),
                PlanCsv.Money(roster.Sum(l => l.Cost)),
            ]);
        }

        return new TextTable("Per tier (counted intervals; needs and scheduled in agent-hours on duty, before shrinkage)",
            ["Tier", "Target", "Loaded intervals (template hours)", "Met (mean)", "Shown to miss", "Outside template hours", "Erlang need (agent-h)", "Simulated need (agent-h)", "Scheduled (agent-h)", "Paid hours", "Cost"],
            rows);
    }

    public static TextTable Rosters(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<string> Row(string name, PlanRosterTotals totals) =>
        [
            name, Hours(totals.PaidHours), PlanCsv.Money(totals.Cost), totals.Solve.Status, totals.Solve.ModeUsed.ToString(),
            ReportFormat.Percent(totals.Solve.Gap), Seconds(totals.Solve.WallTime), ReportFormat.Count(totals.Solve.ShortfallAgentIntervals),
        ];

        return new TextTable("Roster against the Erlang-based roster (same templates, same solver)",
            ["Roster for", "Paid hours", "Cost", "Solver", "Coverage", "Gap", "Solve time", "Agent-intervals short"],
            [Row("simulated requirement (plan)", result.Totals), Row("Erlang C/A requirement", result.ErlangRoster)]);
    }

    public static TextTable Verification(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TextTable("Verification rounds (fresh seeds; missed intervals raised and solved again)",
            ["Round", "Seed", "Replications", "Loaded (template hours)", "Met (mean)", "Shown to miss", "Outside template hours", "Raised", "Paid hours", "Cost", "Gap"],
            [.. result.Verification.Select(v => (IReadOnlyList<string>)[
                I(v.Round), v.Seed.ToString(CultureInfo.InvariantCulture), I(v.Replications), I(v.LoadedIntervals), I(v.MetByMean), I(v.Missed), I(v.OutsideTemplateHours), I(v.Raised),
                Hours(v.PaidHours), PlanCsv.Money(v.Cost), ReportFormat.Percent(v.Gap)])]);
    }

    /// <summary>Why the still-missing intervals miss, most actionable reason first: "3 head-count cap, 108 no shift template on duty".</summary>
    public static string MissSummary(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Missing.IsDefaultOrEmpty)
        {
            return "No loaded interval is shown to miss its target.";
        }

        var parts = result.Missing.GroupBy(m => m.Reason).OrderBy(g => Rank(g.Key))
            .Select(g => $"{I(g.Count())} {Reason(g.Key)} ({string.Join(", ", g.GroupBy(m => m.Tier).Select(t => $"{t.Key} {I(t.Count())}"))})");
        return $"{I(result.Missing.Length)} interval(s) still miss their target: {string.Join("; ", parts)}.";
    }

    /// <summary>
    /// The still-missing intervals that <paramref name="include"/> selects as stretches of consecutive
    /// intervals, most actionable reason first, then by time; at most <paramref name="limit"/> rows.
    /// </summary>
    public static TextTable Missing(PlanResult result, int limit, Func<PlanMiss, bool>? include = null, string what = "Where the roster still misses its target")
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = PlanMissRun.Of(result.Missing.Where(include ?? (_ => true)), result.IntervalMinutes)
            .OrderBy(r => Rank(r.Reason)).ThenBy(r => r.From).ThenBy(r => result.Tiers.IndexOf(r.Tier)).ToList();
        var title = runs.Count > limit ? $"{what} (first {I(limit)} of {I(runs.Count)} stretches)" : $"{what} ({I(runs.Count)} stretch(es))";
        return new TextTable(title,
            ["Tier", "From", "To", "Intervals", "Lowest verified SL", "Most agents short", "Why", "Detail (worst interval)"],
            [.. runs.Take(limit).Select(r => (IReadOnlyList<string>)[
                r.Tier, Stamp(r.From), Stamp(r.To), I(r.Intervals), ReportFormat.Percent(r.LowestServiceLevel),
                ReportFormat.Count(r.MostShort), Reason(r.Reason), r.Detail])]);
    }

    private static string Stamp(DateTime at) => at.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Misses a planner can act on come first; intervals no template reaches (tickets outside opening hours) last.</summary>
    private static int Rank(MissReason reason) => reason switch
    {
        MissReason.CapBinding => 0,
        MissReason.StillBelowAfterRounds => 1,
        MissReason.SoftShortfall => 2,
        _ => 3,
    };

    public static TextTable Roster(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TextTable("Roster (shifts that differ only by day merged)",
            ["Tier", "Agent group", "Template", "Start", "End", "Days", "Breaks", "Head count", "Paid hours", "Cost"],
            [.. PlanShift.Merge(result.Roster, result.Tiers).Select(s => (IReadOnlyList<string>)[
                s.Tier, s.AgentGroup, s.Template, s.StartText, s.EndText, s.DaysText, s.BreaksText, I(s.HeadCount), Hours(s.PaidHours), PlanCsv.Money(s.Cost)])]);
    }

    public static TextTable Phases(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TextTable($"Wall time: {Seconds(result.WallTime)}",
            ["Phase", "Time"],
            [.. result.PhaseTimes.Select(p => (IReadOnlyList<string>)[PhaseName(p.Phase), Seconds(p.Elapsed)])]);
    }

    public static string Reason(MissReason reason) => reason switch
    {
        MissReason.CapBinding => "head-count cap",
        MissReason.NotCoverable => "outside the templates' hours (tickets wait for opening)",
        MissReason.SoftShortfall => "solver left it short",
        MissReason.StillBelowAfterRounds => "still below after the last round",
        _ => reason.ToString(),
    };

    public static string PhaseName(PlanPhase phase) => phase switch
    {
        PlanPhase.Baseline => "baseline",
        PlanPhase.Requirements => "requirement by simulation",
        PlanPhase.Roster => "roster (CP-SAT)",
        PlanPhase.ErlangRoster => "Erlang roster (CP-SAT)",
        PlanPhase.Verification => "verification",
        _ => "done",
    };

    internal static string Hours(double hours) => double.IsFinite(hours) ? hours.ToString("#,0.#", CultureInfo.InvariantCulture) : "-";

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
