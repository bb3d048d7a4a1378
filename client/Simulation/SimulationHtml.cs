using System.Globalization;
using System.Text;
using SupportQueue.Reporting;

namespace SupportQueue.Client.Simulation;

/// <summary>
/// report.html as one string: inline CSS and inline SVG charts, no scripts and no external
/// references, so the page opens offline and can be mailed or attached as it is.
/// </summary>
public static class SimulationHtml
{
    private const int ChartWidth = 1000;

    private static readonly string[] _tierColors = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
    private static readonly string[] _tierLightColors = ["#9ecae1", "#a1d99b", "#cbc9e2", "#d9b8a9", "#f3c1e0", "#9edae5"];

    public static string Build(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scenario = results.Scenario;
        var sb = new StringBuilder(256 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Staffing simulation: ")
            .Append(E(scenario.Name)).Append("</title>\n<style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1250px}")
            .Append("table{border-collapse:collapse;margin:8px 0 24px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}caption{text-align:left;font-weight:bold;padding:4px 0}")
            .Append(".met{color:#1a7f37;font-weight:bold}.missed{color:#c00;font-weight:bold}.narrow{color:#b35900;font-weight:bold}")
            .Append(".chart{margin:8px 0 24px}.note{color:#555;font-size:90%}details{margin:8px 0 24px}summary{cursor:pointer}")
            .Append("</style>\n</head>\n<body>\n");

        sb.Append("<h1>Staffing simulation: ").Append(E(scenario.Name)).Append("</h1>\n<p>")
            .Append(E(ReportFormat.Time(scenario.Start))).Append(" for ").Append(E(ReportFormat.Duration(scenario.Horizon)))
            .Append(" in ").Append(scenario.IntervalMinutes.ToString(CultureInfo.InvariantCulture)).Append("-minute intervals")
            .Append(scenario.WarmUp > TimeSpan.Zero ? $" (first {E(ReportFormat.Duration(scenario.WarmUp))} warm-up, not counted)" : "")
            .Append(" · ").Append(results.Summary.Replications.ToString(CultureInfo.InvariantCulture)).Append(" replication(s), seed ")
            .Append(scenario.Seed.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(E(results.Mode)).Append(" mode · generated ")
            .Append(E(results.GeneratedAt.ToString("u", CultureInfo.InvariantCulture))).Append("</p>\n");

        var verdictClass = results.Verdict switch
        {
            ObjectiveVerdict.Met => "met",
            ObjectiveVerdict.Missed => "missed",
            _ => "narrow",
        };
        sb.Append("<p class=\"").Append(verdictClass).Append("\">").Append(E(SimulationTables.Objective(results))).Append("</p>\n");

        sb.Append("<h2>Summary</h2>\n");
        HtmlTable.Write(sb, SimulationTables.Tiers(results));
        HtmlTable.Write(sb, SimulationTables.Priorities(results));
        if (SimulationTables.ErlangComparison(results) is { } erlang)
        {
            HtmlTable.Write(sb, erlang);
        }

        sb.Append("<h2>What the figures mean</h2>\n<dl class=\"note\">");
        foreach (var (figure, meaning) in SimulationTables.Definitions)
        {
            sb.Append("<dt>").Append(E(figure)).Append("</dt><dd>").Append(E(meaning)).Append("</dd>");
        }

        sb.Append("</dl>\n");

        sb.Append("<h2>Charts</h2>\n<p class=\"note\">Means over replications per interval. Service level, ASA and occupancy are ratios of the mean counts; an interval with nothing offered has no service level. ")
            .Append("Staffed capacity is the tickets the agents on duty could finish in the interval at the tier's observed handling time. ")
            .Append("Agents finish the ticket in hand after signing off for a break or the end of a shift; that time counts as staffed, so occupancy stays within 100 %.</p>\n");
        foreach (var chart in Charts(results))
        {
            // Inline SVG in HTML needs no namespace; leaving it out keeps the page free of any URL.
            sb.Append("<div class=\"chart\">").Append(chart.Render().Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal)).Append("</div>\n");
        }

        sb.Append("<h2>Staffing plan</h2>\n<p class=\"note\">Agents needed per interval and tier to reach the objective, sized with Erlang C ")
            .Append("(Erlang A where every ticket reaching the tier can abandon) from the load the simulation offered that tier and its observed handling time; ")
            .Append("against the agents the roster actually had available (shifts, breaks and shrinkage included). A negative gap is a shortfall. ")
            .Append("Warm-up intervals are left out.</p>\n");
        HtmlTable.Write(sb, SimulationTables.StaffingPeaks(results));
        sb.Append("<details><summary>Every interval (").Append(results.Plan.Rows.Length.ToString(CultureInfo.InvariantCulture)).Append(" rows)</summary>\n");
        HtmlTable.Write(sb, SimulationTables.StaffingRows(results.Plan));
        sb.Append("</details>\n");

        sb.Append("<h2>Scenario</h2>\n");
        HtmlTable.Write(sb, new TextTable(
            "Roster" + (scenario.Roster.Shrinkage > 0 ? $" (shrinkage {ReportFormat.Percent(scenario.Roster.Shrinkage)})" : ""),
            ["Group", "Tier", "Agents", "Capacity", "Shifts"],
            [.. scenario.Roster.Groups.Select(g => (IReadOnlyList<string>)
            [
                g.Name, g.Tier, g.Count.ToString(CultureInfo.InvariantCulture), g.Capacity.ToString(CultureInfo.InvariantCulture),
                g.Shifts.IsDefaultOrEmpty ? "around the clock" : string.Join("; ", g.Shifts.Select(Shift)),
            ])]));
        HtmlTable.Write(sb, new TextTable(
            "Ticket classes",
            ["Class", "Share", "Priority", "Entry tier", "Skills", "Patience", "Reopen"],
            [.. scenario.TicketClasses.Select(c => (IReadOnlyList<string>)
            [
                c.Name, c.Share.ToString("0.###", CultureInfo.InvariantCulture), c.Priority.ToString(), c.EntryTier ?? "(desk default)",
                c.Skills.IsDefaultOrEmpty ? "-" : string.Join(", ", c.Skills),
                c.Patience is null ? "never abandons" : $"{c.Patience.Kind.ToString().ToLowerInvariant()}, mean {ReportFormat.Minutes(Core.Simulation.StaffingPlan.MeanOf(c.Patience) ?? double.NaN)}",
                c.Reopen is null ? "-" : ReportFormat.Percent(c.Reopen.Probability),
            ])]));

        sb.Append("<details><summary>All totals (").Append(results.Totals.Count.ToString(CultureInfo.InvariantCulture)).Append(")</summary>\n");
        HtmlTable.Write(sb, SimulationTables.AllTotals(results));
        sb.Append("</details>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The charts the page shows, in order.</summary>
    public static IReadOnlyList<SvgChart> Charts(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tiers = results.Tiers;
        var start = results.Scenario.Start;
        var multiDay = results.Scenario.Horizon > TimeSpan.FromDays(1);

        // Days on a multi-day axis so the ticks fall on midnights; hours within a day.
        var unitMinutes = multiDay ? 1440.0 : 60.0;
        var hours = Enumerable.Range(0, results.IntervalCount).Select(i => i * results.Scenario.IntervalMinutes / unitMinutes).ToArray();
        string XTick(double x) => multiDay
            ? start.AddDays(x).ToString(x == Math.Floor(x) ? "ddd dd MMM" : "ddd HH:mm", CultureInfo.InvariantCulture)
            : start.AddHours(x).ToString("HH:mm", CultureInfo.InvariantCulture);
        static string PercentTick(double v) => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        var xLabel = multiDay ? "interval start" : $"interval start ({start.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture)})";

        SvgChartSeries Series(string name, Func<int, double> value, string? color = null, bool step = false) =>
            new(name, [.. Enumerable.Range(0, results.IntervalCount).Select(i => new SvgChartPoint(hours[i], value(i))).Where(p => double.IsFinite(p.Y))], color, step);

        var arrivals = new List<SvgChartSeries>
        {
            Series("arrivals (new tickets)", i => results.Priorities.Sum(p => p.Arrivals[i]), "#333333"),
        };
        for (var t = 0; t < tiers.Length; t++)
        {
            var tier = tiers[t];
            var aht = Core.Simulation.StaffingPlan.ObservedAht(results.Summary, t) ?? Core.Simulation.StaffingPlan.ScenarioAht(results.Scenario, t);
            arrivals.Add(Series($"{tier.Tier} offered", i => tier.Offered[i], TierColor(t)));
            arrivals.Add(Series($"{tier.Tier} staffed capacity", i => tier.StaffedMinutes[i] / aht, LightColor(t), step: true));
        }

        return
        [
            new SvgChart
            {
                Width = ChartWidth,
                Title = "Arrivals vs staffed capacity per interval",
                XLabel = xLabel,
                YLabel = "tickets per interval",
                XTickFormat = XTick,
                Series = arrivals,
            },
            new SvgChart
            {
                Width = ChartWidth,
                Title = $"Service level per interval (answered within {ReportFormat.Duration(results.Scenario.ServiceLevel.Threshold)})",
                XLabel = xLabel,
                YLabel = "service level",
                XTickFormat = XTick,
                YTickFormat = PercentTick,
                TargetLine = results.Scenario.ServiceLevel.Target,
                TargetLabel = $"target {ReportFormat.Percent(results.Scenario.ServiceLevel.Target)}",
                Series = [.. tiers.Select((tier, t) => Series(tier.Tier, tier.ServiceLevel, TierColor(t)))],
            },
            new SvgChart
            {
                Width = ChartWidth,
                Title = "Backlog per tier (waiting at interval end)",
                XLabel = xLabel,
                YLabel = "tickets waiting",
                XTickFormat = XTick,
                Series = [.. tiers.Select((tier, t) => Series(tier.Tier, i => tier.Backlog[i], TierColor(t)))],
            },
            new SvgChart
            {
                Width = ChartWidth,
                Title = "Occupancy per tier",
                XLabel = xLabel,
                YLabel = "busy / staffed",
                XTickFormat = XTick,
                YTickFormat = PercentTick,
                Series = [.. tiers.Select((tier, t) => Series(tier.Tier, i => tier.Occupancy(i), TierColor(t)))],
            },
            new SvgChart
            {
                Width = ChartWidth,
                Title = "Staffing plan: required vs staffed agents",
                XLabel = xLabel,
                YLabel = "agents",
                XTickFormat = XTick,
                Series = [.. tiers.SelectMany((tier, t) => new[]
                {
                    new SvgChartSeries($"{tier.Tier} required", [.. results.Plan.Rows.Where(r => r.Tier == tier.Tier).Select(r => new SvgChartPoint(hours[r.Interval], r.RequiredAgents))], TierColor(t), StepLine: true),
                    new SvgChartSeries($"{tier.Tier} staffed", [.. results.Plan.Rows.Where(r => r.Tier == tier.Tier).Select(r => new SvgChartPoint(hours[r.Interval], r.StaffedAgents))], LightColor(t), StepLine: true),
                })],
            },
        ];
    }

    private static string Shift(Core.Simulation.ShiftSpec shift)
    {
        var days = shift.Days.IsDefaultOrEmpty ? "daily" : string.Join(",", shift.Days.Select(d => d.ToString()[..3]));
        var text = $"{days} {shift.Start:hh\\:mm}-{shift.End:hh\\:mm}";
        return shift.Breaks.IsDefaultOrEmpty ? text : $"{text} ({shift.Breaks.Length} break(s))";
    }

    private static string TierColor(int t) => _tierColors[t % _tierColors.Length];

    private static string LightColor(int t) => _tierLightColors[t % _tierLightColors.Length];

    /// <summary>Escapes markup only: the page is UTF-8, so "±" and "≤" stay readable in the source.</summary>
    private static string E(string text) => SvgText.Escape(text);
}
