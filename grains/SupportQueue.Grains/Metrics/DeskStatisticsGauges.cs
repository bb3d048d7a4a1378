using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SupportQueue.Core.Cumulative;

namespace SupportQueue.Grains;

/// <summary>
/// The desks' cumulative statistics as gauges on the <see cref="SupportQueueMetrics.MeterName"/>
/// meter, labelled desk, window (<c>today</c>, <c>last_hour</c>) and tier (<c>all</c> for the desk's
/// total). Each live desk publishes its report with its status, every 5 s.
/// </summary>
public static class DeskStatisticsGauges
{
    private static readonly Meter _meter = new(SupportQueueMetrics.MeterName, "1.0");

    // Desk id → its latest report. Desks publish from their own activation; gauges read it here.
    private static readonly ConcurrentDictionary<string, DeskStatisticsReport> _desks = new(StringComparer.Ordinal);

    static DeskStatisticsGauges()
    {
        _meter.CreateObservableGauge("supportqueue.statistics.offered", () => Measure(f => f.Offered), "{ticket}", "New tickets since the desk's midnight (window today) or in the last hour");
        _meter.CreateObservableGauge("supportqueue.statistics.answered", () => Measure(f => f.Answered), "{ticket}", "First responses in the window");
        _meter.CreateObservableGauge("supportqueue.statistics.abandoned", () => Measure(f => f.Abandoned), "{ticket}", "Abandons before a first response in the window");
        _meter.CreateObservableGauge("supportqueue.statistics.service_level", () => Measure(f => f.ServiceLevel), "1", "Answered within target / (answered + abandoned) in the window; absent while neither happened");
        _meter.CreateObservableGauge("supportqueue.statistics.asa", () => Measure(f => f.AverageSpeedOfAnswer?.TotalSeconds), "s", "Mean wait to the first response in the window; absent while none was answered");
    }

    internal static void Publish(string deskId, DeskStatisticsReport report) => _desks[deskId] = report;

    internal static void Forget(string deskId) => _desks.TryRemove(deskId, out _);

    private static IEnumerable<Measurement<double>> Measure(Func<StatisticsFigures, double?> value)
    {
        foreach (var (desk, report) in _desks)
        {
            foreach (var (name, window) in new[] { ("today", report.Today), ("last_hour", report.LastHour) })
            {
                foreach (var figures in window.Tiers.Prepend(window.Total))
                {
                    if (value(figures) is { } v)
                    {
                        yield return new(v, new("desk", desk), new("window", name), new("tier", figures.Tier ?? "all"));
                    }
                }
            }
        }
    }
}
