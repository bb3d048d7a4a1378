using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Tests;

public class ThresholdTests
{
    [Theory]
    [InlineData("p99 submit->assign < 20ms", ThresholdMetric.Percentile, 99, "submit->assign", ThresholdComparison.Less, 20)]
    [InlineData("p99.9 submit < 50ms", ThresholdMetric.Percentile, 99.9, "submit", ThresholdComparison.Less, 50)]
    [InlineData("fail% < 0.1", ThresholdMetric.FailPercent, 0, null, ThresholdComparison.Less, 0.1)]
    [InlineData("rps submit >= 1000", ThresholdMetric.Rps, 0, "submit", ThresholdComparison.GreaterOrEqual, 1000)]
    [InlineData("  P50 resolve<=500us ", ThresholdMetric.Percentile, 50, "resolve", ThresholdComparison.LessOrEqual, 0.5)]
    [InlineData("max escalate < 2s", ThresholdMetric.Max, 0, "escalate", ThresholdComparison.Less, 2000)]
    [InlineData("mean submit < 1.5 ms", ThresholdMetric.Mean, 0, "submit", ThresholdComparison.Less, 1.5)]
    [InlineData("count submit == 100", ThresholdMetric.Count, 0, "submit", ThresholdComparison.Equal, 100)]
    [InlineData("fails resolve > 0", ThresholdMetric.Failures, 0, "resolve", ThresholdComparison.Greater, 0)]
    [InlineData("drop% < 1%", ThresholdMetric.DropPercent, 0, null, ThresholdComparison.Less, 1)]
    [InlineData("late% submit < 5", ThresholdMetric.LatePercent, 0, "submit", ThresholdComparison.Less, 5)]
    [InlineData("rps > 10/s", ThresholdMetric.Rps, 0, null, ThresholdComparison.Greater, 10)]
    public void Parses_valid_thresholds(string text, ThresholdMetric metric, double percentile, string? op, ThresholdComparison cmp, double limit)
    {
        var t = Threshold.Parse(text);

        Assert.Equal(metric, t.Metric);
        Assert.Equal(percentile, t.Percentile, 9);
        Assert.Equal(op, t.Operation);
        Assert.Equal(cmp, t.Comparison);
        Assert.Equal(limit, t.Limit, 9);
        Assert.Equal(text.Trim(), t.Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("p99 submit 20ms", "missing a comparison")]
    [InlineData("p99 submit-> 20ms", "'->' belongs to the operation name")]
    [InlineData("p99x submit < 20ms", "unknown metric 'p99x'")]
    [InlineData("latency submit < 20ms", "unknown metric 'latency'")]
    [InlineData("p0 submit < 1ms", "out of range")]
    [InlineData("p100.5 submit < 1ms", "out of range")]
    [InlineData("p99 < 20ms", "needs an operation name")]
    [InlineData("p99 submit < 20", "needs a unit")]
    [InlineData("p99 submit < 20xs", "unknown time unit 'xs'")]
    [InlineData("fail% < abc", "'abc' is not a number")]
    [InlineData("fail% < 1ms", "does not fit 'fail%'")]
    [InlineData("rps submit >= 10ms", "does not fit 'rps'")]
    [InlineData("count submit < 5 ms", "takes no unit")]
    [InlineData("p99 submit <", "missing the limit")]
    [InlineData("< 20ms", "missing the metric")]
    [InlineData("p99 a b < 1ms", "operation names have no spaces")]
    [InlineData("p99 submit => 1ms", "unsupported comparison '=>'")]
    [InlineData("fail% != 1", "unsupported comparison '!='")]
    [InlineData("fail% < -1", "negative")]
    public void Rejects_bad_thresholds_naming_the_text_and_the_problem(string text, string reason)
    {
        var ex = Assert.Throws<ThresholdFormatException>(() => Threshold.Parse(text));

        Assert.Equal(text, ex.Text);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", ex.Message, StringComparison.Ordinal);
        Assert.False(Threshold.TryParse(text, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Equal(ex.Reason, error);
    }

    private static IReadOnlyList<OperationStats> Stats()
    {
        var f = TimeProvider.System.TimestampFrequency;
        var m = new Measurements();
        for (var i = 1; i <= 100; i++)
        {
            // submit: 1..100 ms, so p50 = 50 ms and p99 = 99 ms.
            m.Record("submit", 0, 0, i * f / 1000);
        }

        for (var i = 0; i < 50; i++)
        {
            m.Record("resolve", 0, 0, f / 100);
        }

        m.RecordFailure("resolve", "timeout");
        return m.GetStats(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("p99 submit < 100ms", true)]
    [InlineData("p99 submit < 90ms", false)]
    [InlineData("p50 submit <= 51ms", true)]
    [InlineData("max submit < 0.1s", false)]
    [InlineData("max submit <= 100.1ms", true)]
    [InlineData("rps submit >= 10", true)]
    [InlineData("rps submit > 10", false)]
    [InlineData("rps >= 15", true)]
    [InlineData("count resolve == 50", true)]
    [InlineData("fails resolve == 1", true)]
    [InlineData("fail% < 0.1", false)]
    [InlineData("fail% < 1", true)]
    [InlineData("fail% submit == 0", true)]
    [InlineData("drop% == 0", true)]
    public void Evaluates_against_operation_stats(string text, bool expected)
    {
        var result = Assert.Single(ThresholdEvaluator.Evaluate([Threshold.Parse(text)], Stats()));

        Assert.Equal(expected, result.Passed);
        Assert.NotNull(result.Actual);
        Assert.Contains("measured", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_on_an_operation_without_data_fails_and_says_so()
    {
        var result = Assert.Single(ThresholdEvaluator.Evaluate([Threshold.Parse("p99 escalate < 1s")], Stats()));

        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Contains("no data", result.Detail, StringComparison.Ordinal);
    }
}
