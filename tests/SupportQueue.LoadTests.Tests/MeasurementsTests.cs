using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Tests;

public class MeasurementsTests
{
    private static readonly long _frequency = TimeProvider.System.TimestampFrequency;

    private static long Ticks(double seconds) => (long)(seconds * _frequency);

    [Fact]
    public void Coordinated_omission_correction_shows_a_stall_that_service_time_hides()
    {
        // A generator that can only have one request outstanding (the coordinated-omission trap) aims at
        // one request every 10 ms for 10 s. Service takes 1 ms, except the request due at 2 s, which the
        // target stalls for 2 s. Everything due during the stall starts only afterwards.
        var m = new Measurements(TimeProvider.System, TimeSpan.FromMilliseconds(10));
        var free = 0L;
        for (var k = 0; k < 1000; k++)
        {
            var intended = Ticks(k * 0.010);
            var actual = Math.Max(intended, free);
            var service = k == 200 ? Ticks(2.0) : Ticks(0.001);
            var end = actual + service;
            m.Record("submit", intended, actual, end);
            free = end;
        }

        var stats = Assert.Single(m.GetStats(TimeSpan.FromSeconds(10)));

        Assert.Equal(1000, stats.Count);
        // Uncorrected: one slow sample among a thousand fast ones; p99 looks perfect.
        Assert.InRange(stats.ServiceTime.P99, 0.9, 1.1);
        Assert.InRange(stats.ServiceTime.Max, 1990, 2010);
        // Corrected: the ~200 requests queued behind the stall waited up to 2 s, dominating the tail.
        Assert.True(stats.Latency.P99 > 1500, $"corrected p99 was {stats.Latency.P99} ms");
        Assert.True(stats.Latency.P95 > 1000, $"corrected p95 was {stats.Latency.P95} ms");
        Assert.InRange(stats.Latency.Max, 1990, 2010);
        Assert.True(stats.PercentileMs(90) > stats.PercentileMs(90, fromIntendedStart: false) * 100);
        Assert.InRange(stats.LateStarts, 190, 230);
    }

    [Fact]
    public void Without_delays_both_histograms_agree()
    {
        var m = new Measurements();
        for (var k = 0; k < 100; k++)
        {
            m.Record("resolve", Ticks(k), Ticks(k), Ticks(k + 0.005));
        }

        var stats = Assert.Single(m.GetStats(TimeSpan.FromSeconds(100)));

        Assert.Equal(stats.Latency, stats.ServiceTime);
        Assert.InRange(stats.Latency.P50, 4.99, 5.01);
        Assert.Equal(0, stats.LateStarts);
        Assert.Equal(1.0, stats.Throughput, 6);
    }

    [Fact]
    public void Failures_are_counted_by_kind_and_as_a_percentage()
    {
        var m = new Measurements();
        for (var i = 0; i < 96; i++)
        {
            m.Record("escalate", 0, 0, Ticks(0.001));
        }

        m.RecordFailure("escalate", "timeout");
        m.RecordFailure("escalate", "timeout");
        m.RecordFailure("escalate", "timeout");
        m.RecordFailure("escalate", "rejected");
        m.RecordDropped("escalate");

        var stats = Assert.Single(m.GetStats(TimeSpan.FromSeconds(1)));

        Assert.Equal(96, stats.Count);
        Assert.Equal(4, stats.Failures);
        Assert.Equal(3, stats.FailuresByKind["timeout"]);
        Assert.Equal(1, stats.FailuresByKind["rejected"]);
        Assert.Equal(4.0, stats.FailPercent, 6);
        Assert.Equal(1, stats.Dropped);
        Assert.Equal(100.0 / 101, stats.DropPercent, 6);
    }

    [Fact]
    public void Running_totals_agree_with_the_full_stats()
    {
        var m = new Measurements();
        for (var i = 1; i <= 200; i++)
        {
            m.Record("submit", 0, 0, Ticks(0.001 * i));
        }

        m.RecordFailure("submit", "boom");
        m.RecordDropped("submit");
        m.RecordDropped("submit");
        _ = m.TakeInterval(1, 1);
        m.Record("submit", 0, 0, Ticks(0.5));

        var running = Assert.Single(m.GetRunningTotals());
        var full = Assert.Single(m.GetStats(TimeSpan.FromSeconds(1)));

        Assert.Equal(("submit", 201L), (running.Operation, running.Count));
        Assert.Equal(full.Count, running.Count);
        Assert.Equal(full.Latency.P99, running.P99Ms);
        Assert.InRange(running.P99Ms, 197, 200);
        Assert.Equal(3, running.Errors);
    }

    [Fact]
    public void Intervals_hold_what_arrived_since_the_previous_one_while_totals_accumulate()
    {
        var m = new Measurements();
        for (var i = 0; i < 10; i++)
        {
            m.Record("submit", 0, 0, Ticks(0.002));
        }

        m.RecordFailure("submit", "boom");
        var first = Assert.Single(m.TakeInterval(1, 1));
        // Reading totals mid-interval must not steal samples from the interval series.
        m.Record("submit", 0, 0, Ticks(0.004));
        _ = m.GetStats(TimeSpan.FromSeconds(1));
        m.Record("submit->assign", 0, 0, Ticks(0.050));
        var second = m.TakeInterval(2, 0.5);
        var third = m.TakeInterval(3, 1);

        Assert.Equal(10, first.Count);
        Assert.Equal(1, first.Failures);
        Assert.Equal(10, first.Throughput, 6);
        Assert.InRange(first.P99Ms, 1.99, 2.01);
        Assert.Equal(["submit", "submit->assign"], second.Select(s => s.Operation));
        Assert.Equal(1, second[0].Count);
        Assert.Equal(2, second[0].Throughput, 6);
        Assert.Equal(0, second[0].Failures);
        Assert.InRange(second[1].P50Ms, 49.9, 50.1);
        Assert.All(third, s => Assert.Equal(0, s.Count));
        Assert.Equal([11L, 1L], m.GetStats(TimeSpan.FromSeconds(3)).Select(s => s.Count));
    }

    [Fact]
    public void A_trailing_sliver_merges_into_the_previous_interval_and_loses_nothing()
    {
        var m = new Measurements();
        for (var i = 0; i < 30; i++)
        {
            m.Record("submit", 0, 0, Ticks(0.002));
        }

        m.RecordFailure("submit", "boom");
        var first = Assert.Single(m.TakeInterval(1, 1));
        for (var i = 0; i < 20; i++)
        {
            m.Record("submit", 0, 0, Ticks(0.100));
        }

        m.Record("late-op", 0, 0, Ticks(0.010));
        m.RecordFailure("submit", "boom");
        var merged = m.ExtendPreviousInterval(1.25, 0.25);

        Assert.Equal(30, first.Count);
        Assert.Equal(["submit", "late-op"], merged.Select(s => s.Operation));
        Assert.Equal(50, merged[0].Count);
        Assert.Equal(2, merged[0].Failures);
        Assert.Equal(50 / 1.25, merged[0].Throughput, 6);
        Assert.Equal(1.25, merged[0].ElapsedSeconds);
        Assert.InRange(merged[0].P99Ms, 99.9, 100.1);
        Assert.Equal(1, merged[1].Count);
        Assert.Equal(1 / 1.25, merged[1].Throughput, 6);
        Assert.Equal([50L, 1L], m.GetStats(TimeSpan.FromSeconds(1.25)).Select(s => s.Count));
    }

    [Fact]
    public void A_trailing_sliver_merges_into_the_last_interval_not_an_earlier_one()
    {
        var m = new Measurements();
        foreach (var (count, ms, at) in new[] { (5, 0.002, 1.0), (7, 0.030, 2.0) })
        {
            for (var i = 0; i < count; i++)
            {
                m.Record("submit", 0, 0, Ticks(ms));
            }

            _ = m.TakeInterval(at, 1);
        }

        for (var i = 0; i < 3; i++)
        {
            m.Record("submit", 0, 0, Ticks(0.030));
        }

        var merged = Assert.Single(m.ExtendPreviousInterval(2.1, 0.1));

        Assert.Equal(10, merged.Count);
        Assert.InRange(merged.P50Ms, 29.9, 30.1);
        Assert.Equal(0, Assert.Single(m.TakeInterval(3, 0.9)).Count);
    }

    [Fact]
    public void Concurrent_recording_loses_nothing()
    {
        var m = new Measurements();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                m.Record(i % 2 == 0 ? "a" : "b", 0, 0, Ticks(0.001 * (1 + (i % 7))));
                if (i % 1000 == 0)
                {
                    m.RecordFailure("a", "x");
                }
            }
        });

        var series = m.TakeInterval(1, 1);
        var stats = m.GetStats(TimeSpan.FromSeconds(1));

        Assert.Equal(160_000, stats.Sum(s => s.Count));
        Assert.Equal(160_000, series.Sum(s => s.Count));
        Assert.Equal(160, stats.Single(s => s.Operation == "a").Failures);
    }

    [Fact]
    public void Out_of_range_latencies_are_clamped_not_thrown()
    {
        var m = new Measurements();
        m.Record("weird", Ticks(5), Ticks(5), Ticks(4));
        m.Record("weird", 0, 0, Ticks(10_000));

        var stats = Assert.Single(m.GetStats(TimeSpan.FromSeconds(1)));

        Assert.Equal(2, stats.Count);
        Assert.True(stats.Latency.Max >= 3_599_000);
    }
}
