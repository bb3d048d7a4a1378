using System.Globalization;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Client.Simulation;

/// <summary>A table as plain text cells; the console and the HTML page render the same tables.</summary>
public sealed record TextTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The summary tables of a run, built once for every output.</summary>
public static class SimulationTables
{
    /// <summary>What each figure of the report counts, shown on the page and written in docs/simulation.md.</summary>
    public static IReadOnlyList<(string Figure, string Meaning)> Definitions { get; } =
    [
        ("Warm-up", "Tickets created during the warm-up are simulated but left out of every count, and staffed and busy time before it ends is left out too."),
        ("Offered", "Tickets that joined the tier's queue (on arrival or by escalation), in the interval they joined it."),
        ("Answered", "Offered tickets an agent of the tier took."),
        ("Service level (tier)", "Answered within the tier's own threshold of joining its queue, divided by answered plus abandoned at the tier: abandoned tickets count as missed; tickets still waiting when the run ends are left out."),
        ("Service level (overall)", "First responses within the desk-wide threshold, measured from creation, divided by first responses plus abandoned tickets (of the objective's priority, when it names one)."),
        ("P(wait)", "Share of answered tickets that waited at all: over answered tickets, not over all arrivals."),
        ("ASA", "Mean wait in the tier's queue of answered tickets."),
        ("ASA over all arrivals", "Mean time in the tier's queue of answered and abandoned tickets, the abandoned ones until they left: the ASA of the Erlang A literature (asaAllArrivalsMinutes)."),
        ("Wait p50 … p99", "Quantiles of the waits of answered tickets (within 0.4 %)."),
        ("Occupancy", "Busy agent time divided by staffed agent time (capacity while available, plus work in hand finished after signing off)."),
        ("Abandon rate", "Abandoned divided by offered at the tier; overall, abandoned divided by arrivals."),
        ("Refused", "Customers turned away because the desk already held maxOpenTickets open tickets (new or returning ones); they count among the arrivals but never queue. Refuse rate: refused divided by arrivals, the blocking probability (refuseRate)."),
        ("Escalation rate", "Tickets escalated out of the tier divided by those answered there."),
        ("AHT", "Mean handling time of the services finished at the tier."),
        ("Queue order", "Within a priority, tickets are answered in order of arrival at the tier (FIFO per tier) unless the desk sets queueOrder to TicketAge (oldest ticket first)."),
        ("Mean ± CI", "Mean over the replications with its 95 % confidence interval (Student t); replications.csv holds every replication's value."),
    ];

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

    /// <summary>
    /// For a stationary single-tier scenario (<see cref="ErlangBaseline"/>): the closed-form Erlang C
    /// or A figures beside the simulated ones, each over the same tickets. Null for any other scenario.
    /// </summary>
    public static TextTable? ErlangComparison(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (ErlangBaseline.For(results.Scenario) is not { } baseline)
        {
            return null;
        }

        var tier = results.Scenario.Desk.Tiers[0].Name;
        var m = baseline.Metrics;
        var threshold = ReportFormat.Duration(results.Scenario.TierObjective(0).Threshold);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { $"Service level ≤ {threshold} (abandoned count as missed)", ReportFormat.Percent(m.ServiceLevel), ReportFormat.Percent(results.Total($"{tier}.serviceLevel")) },
        };
        if (baseline.Method == StaffingMethod.ErlangC)
        {
            rows.Add(["P(wait)", ReportFormat.Percent(m.ProbabilityOfWait), ReportFormat.Percent(results.Total($"{tier}.probabilityOfWait"))]);
        }
        else
        {
            rows.Add(["Abandon rate", ReportFormat.Percent(m.ProbabilityOfAbandon), ReportFormat.Percent(results.Total($"{tier}.abandonRate"))]);
        }

        rows.Add(["ASA over all arrivals (abandoners' time to abandon included)", ReportFormat.Minutes(m.AverageSpeedOfAnswer), ReportFormat.Minutes(results.Total($"{tier}.asaAllArrivalsMinutes"))]);
        rows.Add(["Occupancy", ReportFormat.Percent(m.Occupancy), ReportFormat.Percent(results.Total($"{tier}.occupancy"))]);
        var model = baseline.PatienceMinutes is { } p
            ? $"Erlang A: λ = {Num(baseline.ArrivalRate)}/min, AHT {Num(baseline.AhtMinutes)} min, patience {Num(p)} min, N = {baseline.Servers}"
            : $"Erlang C: λ = {Num(baseline.ArrivalRate)}/min, AHT {Num(baseline.AhtMinutes)} min, N = {baseline.Servers}";
        return new TextTable($"Closed form beside the simulation ({model})", ["Figure", "Closed form", "Simulated (mean ± 95% CI)"], rows);
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
                ReportFormat.Percent(results.Total($"{p}.refuseRate")),
            ]);
        }

        return new TextTable(
            "Priorities (SLA attainment, mean ± 95% CI half-width)",
            ["Priority", "Arrivals", "First response target", "First response met", "Resolution target", "Resolution met", "Resolution p90", "Abandon rate", "Refuse rate"],
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
