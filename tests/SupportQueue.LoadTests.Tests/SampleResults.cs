using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Runner;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Tests;

/// <summary>Hand-built run results, so report tests need neither a clock nor a run.</summary>
internal static class SampleResults
{
    public static LoadRunResult Create(bool withSilos = true)
    {
        var f = TimeProvider.System.TimestampFrequency;
        var m = new Measurements();
        var series = new List<OperationSample>();
        for (var second = 1; second <= 5; second++)
        {
            for (var i = 0; i < 20; i++)
            {
                m.Record("submit", 0, 0, (i + 1) * f / 1000);
                m.Record("submit->assign", 0, f / 1000, (2 + (i % 10) + second) * f / 1000);
            }

            m.RecordFailure("submit", "rejected");
            series.AddRange(m.TakeInterval(second, 1));
        }

        // A name with a comma and quotes exercises CSV quoting and HTML escaping.
        m.Record("odd, \"op\" <x>", 0, 0, f / 100);
        series.AddRange(m.TakeInterval(6, 1));

        var duration = TimeSpan.FromSeconds(6);
        var ops = m.GetStats(duration);
        var thresholds = new[] { "p99 submit->assign < 20ms", "fail% < 0.1", "rps submit >= 1000" }.Select(Threshold.Parse);
        var runSeries = Enumerable.Range(1, 6).Select(s => new RunSample(s, s % 3, 10 + s, 0.5)).ToList();
        var silos = withSilos
            ? Enumerable.Range(1, 6).Select(s => new SiloLoadSample(s, new Dictionary<string, long> { ["silo-a"] = 10 * s, ["silo-b"] = 60 - (10 * s) })).ToList()
            : [];

        return new LoadRunResult(
            "sample run",
            "in-memory",
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            duration,
            wasCancelled: false,
            [new ScenarioSummary("submit", TimeSpan.FromSeconds(5), 105, 105, 0, 2, 100, 5, 0, 3)],
            ops,
            series,
            runSeries,
            silos,
            new ResourceStats(duration, TimeSpan.FromSeconds(1.5), 12.5, 2, 3, 1, 0, TimeSpan.FromMilliseconds(4), TimeSpan.FromMilliseconds(2), 1 << 20),
            ThresholdEvaluator.Evaluate(thresholds, ops));
    }
}
