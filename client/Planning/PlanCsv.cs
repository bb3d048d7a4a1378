using System.Globalization;
using System.Text;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Planning;

namespace SupportQueue.Client.Planning;

/// <summary>
/// plan's CSV outputs, as strings: comma-separated, one header row, invariant numbers, empty cells
/// for values that do not exist (a service level in an interval nobody was offered).
/// </summary>
public static class PlanCsv
{
    public const string RosterHeader = "tier,agent_group,template,start,end,days,breaks,head_count,paid_hours,cost";

    public const string RequirementsHeader =
        "interval,start,tier,counted,offered,erlang_required,simulated_required,raised,gross_required,scheduled_on_duty,target,service_level,service_level_lower,service_level_upper,verdict,in_template_hours";

    /// <summary>One row per shift (lines differing only by day merged; days listed).</summary>
    public static string Roster(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder().Append(RosterHeader).Append('\n');
        foreach (var shift in PlanShift.Merge(result.Roster, result.Tiers))
        {
            Row(sb,
                Cell(shift.Tier), Cell(shift.AgentGroup), Cell(shift.Template), shift.StartText, shift.EndText, Cell(shift.DaysText), Cell(shift.BreaksText),
                ReportFormat.Csv(shift.HeadCount), ReportFormat.Csv(shift.PaidHours), ReportFormat.Csv(Math.Round(shift.Cost, 2)));
        }

        return sb.ToString();
    }

    /// <summary>
    /// One row per interval and tier: the Erlang and simulated requirements, what the roster put on
    /// duty, the verified service level with its 95 % interval, and whether some shift template of
    /// the tier can be on duty there (false: outside the templates' hours, not in the met share).
    /// </summary>
    public static string Requirements(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder().Append(RequirementsHeader).Append('\n');
        foreach (var row in result.Intervals.OrderBy(r => r.Interval).ThenBy(r => result.Tiers.IndexOf(r.Tier)))
        {
            var loaded = row.Loaded && double.IsFinite(row.ServiceLevel);
            var half = double.IsFinite(row.HalfWidth) ? row.HalfWidth : double.NaN;
            Row(sb,
                ReportFormat.Csv(row.Interval), ReportFormat.Time(row.Start), Cell(row.Tier), row.Counted ? "true" : "false",
                ReportFormat.Csv(row.Offered), ReportFormat.Csv(row.ErlangRequired), ReportFormat.Csv(row.SimulatedRequired), ReportFormat.Csv(row.Raised),
                ReportFormat.Csv(row.GrossRequired), ReportFormat.Csv(row.Scheduled), ReportFormat.Csv(row.Target),
                loaded ? ReportFormat.Csv(row.ServiceLevel) : "",
                loaded ? ReportFormat.Csv(Math.Max(0, row.ServiceLevel - half)) : "",
                loaded ? ReportFormat.Csv(Math.Min(1, row.ServiceLevel + half)) : "",
                row.Verdict.ToString().ToLowerInvariant(),
                row.InTemplateHours ? "true" : "false");
        }

        return sb.ToString();
    }

    private static string Cell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Row(StringBuilder sb, params string[] cells) => sb.AppendJoin(',', cells).Append('\n');

    internal static string Money(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
