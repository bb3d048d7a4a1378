using System.Diagnostics.Metrics;
using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Metrics;

/// <summary>A published statistics report reads back as gauges per desk, window and tier; an undefined SL or ASA is left out, not reported as 0.</summary>
public class DeskStatisticsGaugesTests
{
    [Fact]
    public void A_published_report_is_measured_per_window_and_tier()
    {
        var desk = "gauges-" + Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
        var statistics = new DeskStatistics();
        statistics.Offered("L1", Priority.P2, at);
        statistics.Offered("L1", Priority.P2, at);
        statistics.Answered("L1", Priority.P2, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(20), at);
        DeskStatisticsGauges.Publish(desk, statistics.Report(at, ["L1", "L2"], 0.8));
        try
        {
            var seen = Collect(desk);
            Assert.Equal(2, seen[("supportqueue.statistics.offered", "today", "all")]);
            Assert.Equal(2, seen[("supportqueue.statistics.offered", "last_hour", "L1")]);
            Assert.Equal(0, seen[("supportqueue.statistics.offered", "today", "L2")]);
            Assert.Equal(1, seen[("supportqueue.statistics.answered", "today", "L1")]);
            Assert.Equal(1.0, seen[("supportqueue.statistics.service_level", "today", "all")]);
            Assert.Equal(12.0, seen[("supportqueue.statistics.asa", "last_hour", "all")]);
            Assert.False(seen.ContainsKey(("supportqueue.statistics.service_level", "today", "L2")));
            Assert.False(seen.ContainsKey(("supportqueue.statistics.asa", "today", "L2")));
        }
        finally
        {
            DeskStatisticsGauges.Forget(desk);
        }

        Assert.Empty(Collect(desk));
    }

    private static Dictionary<(string Instrument, string Window, string Tier), double> Collect(string desk)
    {
        var seen = new Dictionary<(string, string, string), double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SupportQueueMetrics.MeterName && instrument.Name.StartsWith("supportqueue.statistics.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var labels = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                labels[tag.Key] = tag.Value as string;
            }

            if (labels["desk"] == desk)
            {
                seen[(instrument.Name, labels["window"]!, labels["tier"]!)] = value;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }
}
