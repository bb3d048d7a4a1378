using System.Globalization;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Client.Simulation;

/// <summary>A table as plain text cells; the console and the HTML page render the same tables.</summary>
public sealed record TextTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The summary tables of a run, built once for every output.</summary>
public static class SimulationTables
{
    /// <summary>Per tier: volumes, speed of answer, occupancy and the rates that drive staffing, each with its 95% CI half-width.</summary>
    public static TextTable Tiers(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Scenario.Desk.Tiers.Select(t => t.Name).Select(tier => (IReadOnlyList<string>)
        [
            tier,
            ReportFormat.Number(results.Total($"{tier}.offered")),
            ReportFormat.Number(results.Total($"{tier}.answered")),
            ObjectiveText(results.Scenario.ServiceLevel.For(tier)),
            ReportFormat.Percent(results.Total($"{tier}.serviceLevel")),
            ShortVerdict(results.TierVerdict(tier)),
            ReportFormat.Minutes(results.Total($"{tier}.asaMinutes")),
            ReportFormat.Minutes(results.Total($"{tier}.waitP90Minutes")),
            ReportFormat.Percent(results.Total($"{tier}.occupancy")),
            ReportFormat.Percent(results.Total($"{tier}.abandonRate")),
            ReportFormat.Percent(results.Total($"{tier}.escalationRate")),
            ReportFormat.Minutes(results.Total($"{tier}.ahtMinutes")),
        ]).ToList();
        return new TextTable(
            $"Tiers (mean ± 95% CI half-width over {results.Summary.Replications} replication(s))",
            ["Tier", "Offered", "Answered", "Objective", "Service level", "Verdict", "ASA", "Wait p90", "Occupancy", "Abandon rate", "Escalation rate", "AHT"],
            rows);
    }

    /// <summary>Per priority: first-response and resolution SLA attainment against the desk's targets.</summary>
    public static TextTable Priorities(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var p in results.Priorities.Select(p => p.Priority))
        {
            if (results.Total($"{p}.arrivals") is null)
            {
                continue;
            }

            var sla = results.Scenario.Desk.SlaFor(p);
            var firstResponse = sla?.FirstResponse ?? results.Scenario.ServiceLevel.Threshold;
            rows.Add(
            [
                p.ToString(),
                ReportFormat.Number(results.Total($"{p}.arrivals")),
                ReportFormat.Duration(firstResponse) + (sla?.FirstResponse is null ? " (objective)" : ""),
                ReportFormat.Percent(results.Total($"{p}.firstResponseAttainment")),
                sla?.Resolution is { } resolution ? ReportFormat.Duration(resolution) : "none",
                sla?.Resolution is null ? "-" : ReportFormat.Percent(results.Total($"{p}.resolutionAttainment")),
                ReportFormat.Minutes(results.Total($"{p}.resolutionP90Minutes")),
                ReportFormat.Percent(results.Total($"{p}.abandonRate")),
            ]);
        }

        return new TextTable(
            "Priorities (SLA attainment, mean ± 95% CI half-width)",
            ["Priority", "Arrivals", "First response target", "First response met", "Resolution target", "Resolution met", "Resolution p90", "Abandon rate"],
            rows);
    }

    /// <summary>One sentence on the objective: what it asks, what the run achieved, and the verdict.</summary>
    public static string Objective(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var slo = results.Scenario.ServiceLevel;
        var who = slo.Priority is { } p ? $"{p} tickets" : "tickets";
        var achieved = results.Total("serviceLevel");
        var ci = achieved is { } a && double.IsFinite(a.HalfWidth)
            ? $" (95% CI {ReportFormat.Percent(a.Lower)} to {ReportFormat.Percent(a.Upper)})"
            : "";
        return $"Service-level objective: {ReportFormat.Percent(slo.Target)} of {who} get a first response within {ReportFormat.Duration(slo.Threshold)}; " +
            $"achieved {ReportFormat.Percent(achieved?.Mean ?? double.NaN)}{ci}: {VerdictText(results.Verdict)}.";
    }

    /// <summary>"80 % ≤ 01:00:00": a tier's target and threshold.</summary>
    public static string ObjectiveText((TimeSpan Threshold, double Target) objective) =>
        $"{ReportFormat.Percent(objective.Target)} ≤ {ReportFormat.Duration(objective.Threshold)}";

    /// <summary>The verdict in a table cell: met, met?, missed?, missed.</summary>
    public static string ShortVerdict(ObjectiveVerdict verdict) => verdict switch
    {
        ObjectiveVerdict.Met => "met",
        ObjectiveVerdict.MetNarrowly => "met (CI reaches below)",
        ObjectiveVerdict.MissedNarrowly => "missed (CI reaches target)",
        ObjectiveVerdict.Missed => "missed",
        _ => "-",
    };

    public static string VerdictText(ObjectiveVerdict verdict) => verdict switch
    {
        ObjectiveVerdict.Met => "met",
        ObjectiveVerdict.MetNarrowly => "met on average, but the confidence interval reaches below the target",
        ObjectiveVerdict.MissedNarrowly => "missed on average, but the confidence interval reaches the target",
        ObjectiveVerdict.Missed => "missed",
        _ => "no tickets counted",
    };

    /// <summary>Per tier: the interval needing the most agents, and how many intervals the roster fell short.</summary>
    public static TextTable StaffingPeaks(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var plan = results.Plan;
        var counted = plan.Rows.Select(r => r.Interval).Distinct().Count();
        var rows = plan.PeakRows().Select(r => (IReadOnlyList<string>)
        [
            r.Tier,
            ReportFormat.Time(r.Start),
            ReportFormat.Count(r.Offered),
            ReportFormat.Minutes(r.AhtMinutes),
            r.OfferedLoad.ToString("0.0", CultureInfo.InvariantCulture),
            r.Method.ToString(),
            r.RequiredAgents.ToString(CultureInfo.InvariantCulture),
            r.StaffedAgents.ToString("0.0", CultureInfo.InvariantCulture),
            Signed(r.Gap),
            $"{plan.ShortIntervals(r.Tier).ToString(CultureInfo.InvariantCulture)} of {counted.ToString(CultureInfo.InvariantCulture)}",
        ]).ToList();
        return new TextTable(
            "Staffing plan: peak interval per tier (agents to reach each tier's objective)",
            ["Tier", "Peak interval", "Offered", "AHT", "Load (Erl)", "Model", "Required", "Staffed", "Gap", "Short intervals"],
            rows);
    }

    /// <summary>Every row of the plan.</summary>
    public static TextTable StaffingRows(StaffingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = plan.Rows.Select(r => (IReadOnlyList<string>)
        [
            ReportFormat.Time(r.Start),
            r.Tier,
            ReportFormat.Count(r.Offered),
            ReportFormat.Minutes(r.AhtMinutes),
            r.OfferedLoad.ToString("0.0", CultureInfo.InvariantCulture),
            r.Method.ToString(),
            r.RequiredAgents.ToString(CultureInfo.InvariantCulture),
            r.StaffedAgents.ToString("0.0", CultureInfo.InvariantCulture),
            Signed(r.Gap),
        ]).ToList();
        return new TextTable("Staffing plan: every interval", ["Interval", "Tier", "Offered", "AHT", "Load (Erl)", "Model", "Required", "Staffed", "Gap"], rows);
    }

    /// <summary>Every total the run produced, as numbers.</summary>
    public static TextTable AllTotals(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Totals.Select(kv => (IReadOnlyList<string>)
        [
            kv.Key,
            Num(kv.Value.Mean),
            Num(kv.Value.HalfWidth),
            Num(kv.Value.Lower),
            Num(kv.Value.Upper),
            kv.Value.Count.ToString(CultureInfo.InvariantCulture),
        ]).ToList();
        return new TextTable("All totals", ["Metric", "Mean", "± 95%", "Lower", "Upper", "n"], rows);
    }

    private static string Signed(double gap) => (gap > 0 ? "+" : "") + gap.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Num(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
