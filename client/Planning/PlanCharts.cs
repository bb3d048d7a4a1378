using System.Globalization;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Planning;
using SupportQueue.Reporting;
using SupportQueue.Reporting.Planning;

namespace SupportQueue.Client.Planning;

/// <summary>The plan's pictures: per tier a day × time-of-day heat map of scheduled against required, the requirement curves, and the verified service level against the target.</summary>
public static class PlanCharts
{
    private const int Width = 1200;

    /// <summary>Scheduled on duty − required (grossed up) per interval: red where short, blue where over, grey where nothing is needed or counted.</summary>
    public static SvgHeatMap HeatMap(PlanResult result, string tier)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = Rows(result, tier);
        var grid = DayTimeGrid.For(rows[0].Start, result.IntervalMinutes, rows.Count);
        var values = rows.Select(r => Shown(r) ? r.Scheduled - r.GrossRequired : (double?)null).ToList();
        var tooltips = grid.Days.Select(_ => new string?[grid.Times.Count]).ToList();
        foreach (var row in rows)
        {
            var (day, column) = grid.Cell(row.Interval);
            if (day >= 0 && day < tooltips.Count && column < grid.Times.Count)
            {
                tooltips[day][column] = Tooltip(row);
            }
        }

        return new SvgHeatMap
        {
            Title = $"{tier}: scheduled on duty − required (grossed up for {ReportFormat.Percent(result.Shrinkage)} shrinkage), per {result.IntervalMinutes.ToString(CultureInfo.InvariantCulture)} minutes",
            Width = Width,
            RowLabels = grid.DayLabels,
            ColumnLabels = grid.TimeLabels,
            ColumnLabelEvery = Math.Max(1, 120 / result.IntervalMinutes),
            Values = grid.Fold(values),
            Tooltips = tooltips,
            LowLabel = "short",
            HighLabel = "over",
            ValueFormat = v => v.ToString("+0.#;−0.#;0", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Erlang, simulated and grossed-up requirements against what the roster puts on duty.</summary>
    public static SvgChart Curves(PlanResult result, string tier)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = Rows(result, tier);
        var axis = new IntervalAxis(rows[0].Start, result.IntervalMinutes, rows.Count);
        return new SvgChart
        {
            Width = Width,
            Title = $"{tier}: required vs scheduled agents per interval",
            XLabel = axis.Label,
            YLabel = "agents",
            XTickFormat = axis.Tick,
            Series =
            [
                axis.Series("Erlang C/A need (on duty)", i => rows[i].ErlangRequired, "#aaaaaa", step: true),
                axis.Series("simulated need (on duty)", i => rows[i].SimulatedRequired, "#ff7f0e", step: true),
                axis.Series("required, grossed up", i => rows[i].GrossRequired, "#d62728", step: true),
                axis.Series("scheduled on duty", i => rows[i].Scheduled, "#1f77b4", step: true),
            ],
        };
    }

    /// <summary>The verified service level of each loaded interval with its 95 % interval, against the tier's target.</summary>
    public static SvgChart ServiceLevel(PlanResult result, string tier)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = Rows(result, tier);
        var axis = new IntervalAxis(rows[0].Start, result.IntervalMinutes, rows.Count);
        var target = result.Targets[result.Tiers.IndexOf(tier)];
        double? Sl(int i, double sign) => rows[i].Counted && rows[i].Loaded && double.IsFinite(rows[i].ServiceLevel)
            ? Math.Clamp(rows[i].ServiceLevel + (sign * (double.IsFinite(rows[i].HalfWidth) ? rows[i].HalfWidth : 0)), 0, 1)
            : null;
        return new SvgChart
        {
            Width = Width,
            Title = $"{tier}: verified service level per interval (answered within {ReportFormat.Duration(target.Threshold)})",
            XLabel = axis.Label,
            YLabel = "service level",
            XTickFormat = axis.Tick,
            YTickFormat = v => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
            TargetLine = target.Target,
            TargetLabel = $"target {ReportFormat.Percent(target.Target)}",
            Series =
            [
                axis.Series("95 % interval, upper", i => Sl(i, 1), "#c6dbef"),
                axis.Series("95 % interval, lower", i => Sl(i, -1), "#c6dbef"),
                axis.Series("verified mean", i => Sl(i, 0), "#1f77b4"),
            ],
        };
    }

    private static List<PlanIntervalRow> Rows(PlanResult result, string tier)
    {
        var rows = result.Intervals.Where(r => r.Tier == tier).OrderBy(r => r.Interval).ToList();
        if (rows.Count == 0 || rows[0].Interval != 0 || rows[^1].Interval != rows.Count - 1)
        {
            throw new ArgumentException($"the plan has no complete interval series for tier '{tier}'", nameof(tier));
        }

        return rows;
    }

    /// <summary>Warm-up intervals and intervals that need nobody and get nobody carry no information.</summary>
    private static bool Shown(PlanIntervalRow row) => row.Counted && (row.GrossRequired > 0 || row.Scheduled > 0);

    private static string Tooltip(PlanIntervalRow row)
    {
        var text = $"{row.Start.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)} {row.Tier}: required {row.GrossRequired.ToString(CultureInfo.InvariantCulture)} " +
            $"(simulated {row.SimulatedRequired.ToString(CultureInfo.InvariantCulture)}{(row.Raised > 0 ? $" + {row.Raised.ToString(CultureInfo.InvariantCulture)} raised" : "")} on duty, " +
            $"Erlang {row.ErlangRequired.ToString(CultureInfo.InvariantCulture)}), scheduled {ReportFormat.Count(row.Scheduled)}";
        if (!row.Counted)
        {
            return text + "; warm-up, not counted";
        }

        return row.Loaded
            ? text + $"; verified SL {ReportFormat.Percent(row.ServiceLevel)} ± {ReportFormat.Percent(row.HalfWidth)} against {ReportFormat.Percent(row.Target)} ({row.Verdict})"
            : text + "; no tickets";
    }
}
