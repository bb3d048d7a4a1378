using System.Globalization;
using System.Text;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Planning;
using SupportQueue.Reporting;

namespace SupportQueue.Client.Planning;

/// <summary>
/// plan's report.html as one string: inline CSS and SVG, no scripts and no external references,
/// so it opens offline. The top answers a planner's questions at a glance (does the roster meet
/// the targets, what does it cost against the Erlang-based roster, where is it still short and
/// why); the per-tier pictures and the roster follow.
/// </summary>
public static class PlanHtml
{
    /// <summary>Rows of the still-missing table; the full list is in requirements.csv.</summary>
    public const int MissingRows = 30;

    public static string Build(PlanResult result, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scenario = result.Planned;
        var sb = new StringBuilder(512 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Roster plan: ")
            .Append(E(scenario.Name)).Append("</title>\n<style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1250px}")
            .Append("table{border-collapse:collapse;margin:8px 0 24px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}caption{text-align:left;font-weight:bold;padding:4px 0}")
            .Append(".met{color:#1a7f37;font-weight:bold}.missed{color:#c00;font-weight:bold}.narrow{color:#b35900;font-weight:bold}")
            .Append(".chart{margin:8px 0 16px}.note{color:#555;font-size:90%}details{margin:8px 0 24px}summary{cursor:pointer}")
            .Append(".headline{font-size:110%;margin:6px 0}td{white-space:nowrap}")
            .Append("</style>\n</head>\n<body>\n");

        sb.Append("<h1>Roster plan: ").Append(E(scenario.Name)).Append("</h1>\n<p>")
            .Append(E(ReportFormat.Time(scenario.Start))).Append(" for ").Append(E(ReportFormat.Duration(scenario.Horizon)))
            .Append(" in ").Append(result.IntervalMinutes.ToString(CultureInfo.InvariantCulture)).Append("-minute intervals")
            .Append(scenario.WarmUp > TimeSpan.Zero ? $" (first {E(ReportFormat.Duration(scenario.WarmUp))} warm-up, not counted)" : "")
            .Append(" · shrinkage ").Append(E(ReportFormat.Percent(result.Shrinkage)))
            .Append(" · plan took ").Append(E(PlanTables.Seconds(result.WallTime)))
            .Append(" · generated ").Append(E(generatedAt.ToString("u", CultureInfo.InvariantCulture))).Append("</p>\n");

        // Green at the bar (95 % of loaded intervals met), amber above 80 %, red below.
        var verdictClass = result.MetByMeanShare >= 0.95 ? "met" : result.MetByMeanShare >= 0.8 ? "narrow" : "missed";
        sb.Append("<p class=\"headline ").Append(verdictClass).Append("\">").Append(E(PlanTables.Verdict(result))).Append("</p>\n");
        sb.Append("<p class=\"headline\">").Append(E(PlanTables.Cost(result))).Append("</p>\n");
        HtmlTable.Write(sb, PlanTables.Tiers(result));
        HtmlTable.Write(sb, PlanTables.Rosters(result));

        sb.Append("<h2>Where the roster is still short</h2>\n<p>").Append(E(PlanTables.MissSummary(result))).Append("</p>\n");
        static bool Uncovered(PlanMiss m) => m.Reason == MissReason.NotCoverable;
        if (result.Missing.Any(m => !Uncovered(m)))
        {
            HtmlTable.Write(sb, PlanTables.Missing(result, MissingRows, m => !Uncovered(m), "Where the roster covers the interval and still misses"));
        }

        if (result.Missing.Count(Uncovered) is var uncovered and > 0)
        {
            sb.Append("<details><summary>").Append(uncovered.ToString(CultureInfo.InvariantCulture))
                .Append(" interval(s) outside the templates' hours: tickets (e.g. reopens or escalations at night) wait for opening; not in the met share above. Widen the templates' start times or days to serve them</summary>\n");
            HtmlTable.Write(sb, PlanTables.Missing(result, MissingRows, Uncovered, "Outside the templates' hours (shown to miss)"));
            sb.Append("</details>\n");
        }

        sb.Append("<h2>Per tier</h2>\n<p class=\"note\">Heat maps: each cell is one interval, scheduled agents on duty minus the ")
            .Append("requirement the roster had to cover (simulated need plus any raised by verification, grossed up for shrinkage). ")
            .Append("Red is short, blue is over, grey needs nobody or is not counted. Hover a cell for its figures.</p>\n");
        foreach (var tier in result.Tiers)
        {
            sb.Append("<h3>").Append(E(tier)).Append("</h3>\n");
            Chart(sb, PlanCharts.HeatMap(result, tier).Render());
            Chart(sb, PlanCharts.Curves(result, tier).Render());
            Chart(sb, PlanCharts.ServiceLevel(result, tier).Render());
        }

        sb.Append("<h2>Roster</h2>\n");
        HtmlTable.Write(sb, PlanTables.Roster(result));

        sb.Append("<h2>How the plan was made</h2>\n<p>").Append(E(PlanTables.Requirement(result))).Append("</p>\n");
        HtmlTable.Write(sb, PlanTables.Verification(result));
        HtmlTable.Write(sb, PlanTables.Phases(result));
        sb.Append("<p class=\"note\">Erlang need: stationary Erlang C (Erlang A with abandonment) per interval on the offered load. ")
            .Append("Simulated need: the least agents on duty per interval whose simulated service level meets the tier's target, ")
            .Append("found by iterative staffing through the tier network. The roster is the least paid cost that covers the grossed-up need ")
            .Append("with the scenario's shift templates (OR-Tools CP-SAT); verification simulates it with fresh seeds. ")
            .Append("scenario.planned.json holds the roster with the verification's seed and replications: simulate reproduces these figures.</p>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Chart(StringBuilder sb, string svg) => sb.Append("<div class=\"chart\">").Append(svg).Append("</div>\n");

    private static string E(string text) => SvgText.Escape(text);
}
