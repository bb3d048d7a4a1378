using System.Text;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Client.Simulation;

/// <summary>
/// The CSV outputs, as strings: comma-separated, one header row, invariant numbers, empty cells
/// for values that do not exist (e.g. a service level in an interval nobody was offered).
/// </summary>
public static class SimulationCsv
{
    public const string IntervalsHeader =
        "interval,start,tier,offered,answered,abandoned,answered_within_threshold,service_level,asa_minutes,occupancy,backlog,staffed_agents,escalated_out,aht_minutes";

    public const string PrioritiesHeader =
        "interval,start,priority,arrivals,first_response_met,first_response_missed,first_response_attainment,resolution_met,resolution_missed,resolution_attainment,abandoned,refused";

    public const string TotalsHeader = "metric,mean,half_width,lower,upper,n,level";

    public const string ReplicationsHeader = "replication,metric,value";

    public const string ObjectivesHeader = "scope,threshold_minutes,target,service_level,lower,upper,n,verdict";

    public const string StaffingHeader =
        "interval,start,tier,offered,arrival_rate_per_minute,aht_minutes,patience_minutes,offered_load_erlangs,method,required_servers,required_agents,staffed_agents,gap,service_level_at_required";

    /// <summary>One row per interval and tier.</summary>
    public static string Intervals(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder().Append(IntervalsHeader).Append('\n');
        for (var i = 0; i < results.IntervalCount; i++)
        {
            foreach (var t in results.Tiers)
            {
                var capacity = StaffingPlan.TierCapacity(results.Scenario, t.Tier);
                Row(sb,
                    ReportFormat.Csv(i), ReportFormat.Time(results.IntervalStarts[i]), Cell(t.Tier),
                    ReportFormat.Csv(t.Offered[i]), ReportFormat.Csv(t.Answered[i]), ReportFormat.Csv(t.Abandoned[i]), ReportFormat.Csv(t.AnsweredWithin[i]),
                    ReportFormat.Csv(t.ServiceLevel(i)), ReportFormat.Csv(t.AsaMinutes(i)), ReportFormat.Csv(t.Occupancy(i)),
                    ReportFormat.Csv(t.Backlog[i]), ReportFormat.Csv(t.StaffedSlots(i) / capacity), ReportFormat.Csv(t.EscalatedOut[i]),
                    ReportFormat.Csv(TierIntervals.Ratio(t.HandleMinutes[i], t.Handled[i])));
            }
        }

        return sb.ToString();
    }

    /// <summary>One row per interval and priority (P1 to P4).</summary>
    public static string Priorities(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder().Append(PrioritiesHeader).Append('\n');
        for (var i = 0; i < results.IntervalCount; i++)
        {
            foreach (var p in results.Priorities)
            {
                Row(sb,
                    ReportFormat.Csv(i), ReportFormat.Time(results.IntervalStarts[i]), p.Priority.ToString(),
                    ReportFormat.Csv(p.Arrivals[i]), ReportFormat.Csv(p.FirstResponseMet[i]), ReportFormat.Csv(p.FirstResponseMissed[i]),
                    ReportFormat.Csv(p.FirstResponseAttainment(i)), ReportFormat.Csv(p.ResolutionMet[i]), ReportFormat.Csv(p.ResolutionMissed[i]),
                    ReportFormat.Csv(p.ResolutionAttainment(i)), ReportFormat.Csv(p.Abandoned[i]), ReportFormat.Csv(p.Refused[i]));
            }
        }

        return sb.ToString();
    }

    /// <summary>One row per total, in key order.</summary>
    public static string Totals(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder().Append(TotalsHeader).Append('\n');
        foreach (var (key, ci) in results.Totals)
        {
            Row(sb, Cell(key), ReportFormat.Csv(ci.Mean), ReportFormat.Csv(ci.HalfWidth), ReportFormat.Csv(ci.Lower), ReportFormat.Csv(ci.Upper),
                ReportFormat.Csv(ci.Count), ReportFormat.Csv(ci.Level));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Every total of every replication, unrounded (round-trip precision), so any total in
    /// totals.csv (the mean of these over the replications that have a value) and any figure
    /// derived from several totals can be recomputed. An empty value: none exists (e.g. no ticket reached the tier).
    /// </summary>
    public static string Replications(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder().Append(ReplicationsHeader).Append('\n');
        foreach (var run in results.Summary.Runs)
        {
            var replication = ReportFormat.Csv(run.Replication);
            foreach (var (key, value) in results.ReplicationTotals(run))
            {
                Row(sb, replication, Cell(key), double.IsFinite(value) ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The objective and its verdict: one "overall" row (first response within the desk-wide
    /// threshold), then one row per tier (answered within the tier's own threshold).
    /// </summary>
    public static string Objectives(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder().Append(ObjectivesHeader).Append('\n');
        var slo = results.Scenario.ServiceLevel;
        void Add(string scope, TimeSpan threshold, double target, string key, ObjectiveVerdict verdict)
        {
            var ci = results.Total(key);
            Row(sb, Cell(scope), ReportFormat.Csv(threshold.TotalMinutes), ReportFormat.Csv(target),
                ci is { } a ? ReportFormat.Csv(a.Mean) : "", ci is { } l ? ReportFormat.Csv(l.Lower) : "", ci is { } u ? ReportFormat.Csv(u.Upper) : "",
                ci is { } n ? ReportFormat.Csv(n.Count) : "0", verdict.ToString());
        }

        Add("overall", slo.Threshold, slo.Target, "serviceLevel", results.Verdict);
        foreach (var tier in results.Scenario.Desk.Tiers.Select(t => t.Name))
        {
            var (threshold, target) = slo.For(tier);
            Add(tier, threshold, target, $"{tier}.serviceLevel", results.TierVerdict(tier));
        }

        return sb.ToString();
    }

    /// <summary>One row per counted interval and tier of the staffing plan.</summary>
    public static string Staffing(StaffingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder().Append(StaffingHeader).Append('\n');
        foreach (var r in plan.Rows)
        {
            Row(sb,
                ReportFormat.Csv(r.Interval), ReportFormat.Time(r.Start), Cell(r.Tier), ReportFormat.Csv(r.Offered), ReportFormat.Csv(r.ArrivalRatePerMinute),
                ReportFormat.Csv(r.AhtMinutes), r.PatienceMinutes is { } p ? ReportFormat.Csv(p) : "", ReportFormat.Csv(r.OfferedLoad), r.Method.ToString(),
                ReportFormat.Csv(r.RequiredServers), ReportFormat.Csv(r.RequiredAgents), ReportFormat.Csv(r.StaffedAgents), ReportFormat.Csv(r.Gap),
                ReportFormat.Csv(r.ServiceLevelAtRequired));
        }

        return sb.ToString();
    }

    /// <summary>Quotes a text cell when it holds a separator, quote or line break (RFC 4180).</summary>
    internal static string Cell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Row(StringBuilder sb, params string[] cells) => sb.AppendJoin(',', cells).Append('\n');
}
