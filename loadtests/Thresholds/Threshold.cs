using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportQueue.LoadTests.Thresholds;

/// <summary>
/// A pass/fail criterion checked after a run, written as <c>metric [operation] comparison limit[unit]</c>:
/// <c>p99 submit->assign &lt; 20ms</c>, <c>p99.9 submit &lt; 50ms</c>, <c>fail% &lt; 0.1</c>, <c>rps submit &gt;= 1000</c>.
/// Metrics: <c>pNN[.N]</c>, <c>max</c>, <c>mean</c> (latency from the intended start; need an operation and a
/// unit of us, ms or s), <c>rps</c>, <c>count</c>, <c>fails</c>, <c>fail%</c>, <c>drop%</c>, <c>late%</c>
/// (without an operation they cover all operations together).
/// </summary>
public sealed partial record Threshold
{
    private Threshold(string text, ThresholdMetric metric, double percentile, string? operation, ThresholdComparison comparison, double limit)
    {
        Text = text;
        Metric = metric;
        Percentile = percentile;
        Operation = operation;
        Comparison = comparison;
        Limit = limit;
    }

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>What is measured.</summary>
    public ThresholdMetric Metric { get; }

    /// <summary>For <see cref="ThresholdMetric.Percentile"/>, which one (0..100]; otherwise 0.</summary>
    public double Percentile { get; }

    /// <summary>Operation name; null means all operations together.</summary>
    public string? Operation { get; }

    /// <summary>The comparison.</summary>
    public ThresholdComparison Comparison { get; }

    /// <summary>The limit in the metric's base unit: ms for latencies, percent, per second, or a count.</summary>
    public double Limit { get; }

    /// <summary>Whether the metric is a latency (and so in milliseconds).</summary>
    public bool IsLatency => Metric is ThresholdMetric.Percentile or ThresholdMetric.Max or ThresholdMetric.Mean;

    /// <summary>Parses threshold text.</summary>
    /// <exception cref="ThresholdFormatException">The text is not a valid threshold; the message says why.</exception>
    public static Threshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var threshold, out var error) ? threshold! : throw new ThresholdFormatException(text, error!);
    }

    /// <summary>Parses threshold text without throwing; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out Threshold? threshold, out string? error)
    {
        threshold = null;
        error = Validate(text, ref threshold);
        return error is null;
    }

    /// <summary>Whether <paramref name="actual"/> satisfies the threshold.</summary>
    public bool IsMetBy(double actual) => Comparison switch
    {
        ThresholdComparison.Less => actual < Limit,
        ThresholdComparison.LessOrEqual => actual <= Limit,
        ThresholdComparison.Greater => actual > Limit,
        ThresholdComparison.GreaterOrEqual => actual >= Limit,
        _ => Math.Abs(actual - Limit) < 1e-9,
    };

    /// <summary>The unit the limit and measured value are expressed in, for display.</summary>
    public string UnitLabel => Metric switch
    {
        ThresholdMetric.Percentile or ThresholdMetric.Max or ThresholdMetric.Mean => "ms",
        ThresholdMetric.FailPercent or ThresholdMetric.DropPercent or ThresholdMetric.LatePercent => "%",
        ThresholdMetric.Rps => "/s",
        _ => "",
    };

    private static string? Validate(string? text, ref Threshold? threshold)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "the threshold is empty";
        }

        var m = Shape().Match(text);
        if (!m.Success)
        {
            return "missing a comparison (one of <, <=, >, >=, ==)";
        }

        var cmpText = m.Groups["cmp"].Value;
        if (cmpText[0] == '>' && m.Groups["left"].Value.EndsWith('-'))
        {
            return "missing a comparison (one of <, <=, >, >=, ==); the '->' belongs to the operation name";
        }

        var comparison = cmpText switch
        {
            "<" => ThresholdComparison.Less,
            "<=" => ThresholdComparison.LessOrEqual,
            ">" => ThresholdComparison.Greater,
            ">=" => ThresholdComparison.GreaterOrEqual,
            "==" => ThresholdComparison.Equal,
            _ => (ThresholdComparison?)null,
        };
        if (comparison is null)
        {
            return $"unsupported comparison '{cmpText}' (use <, <=, >, >= or ==)";
        }

        var left = m.Groups["left"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (left.Length == 0)
        {
            return $"missing the metric before '{cmpText}'";
        }

        if (left.Length > 2)
        {
            return $"expected '<metric> [operation]' before '{cmpText}' but found '{string.Join(' ', left)}' (operation names have no spaces)";
        }

        var metricText = left[0].ToLowerInvariant();
        var operation = left.Length == 2 ? left[1] : null;
        ThresholdMetric metric;
        double percentile = 0;
        switch (metricText)
        {
            case "max": metric = ThresholdMetric.Max; break;
            case "mean": metric = ThresholdMetric.Mean; break;
            case "rps": metric = ThresholdMetric.Rps; break;
            case "count": metric = ThresholdMetric.Count; break;
            case "fails" or "failures": metric = ThresholdMetric.Failures; break;
            case "fail%": metric = ThresholdMetric.FailPercent; break;
            case "drop%": metric = ThresholdMetric.DropPercent; break;
            case "late%": metric = ThresholdMetric.LatePercent; break;
            case ['p', .. var digits]
                when double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out percentile):
                if (percentile is <= 0 or > 100)
                {
                    return $"percentile {digits} is out of range (above 0, at most 100)";
                }

                metric = ThresholdMetric.Percentile;
                break;
            default:
                return $"unknown metric '{left[0]}' (expected pNN such as p99 or p99.9, max, mean, rps, count, fails, fail%, drop% or late%)";
        }

        var isLatency = metric is ThresholdMetric.Percentile or ThresholdMetric.Max or ThresholdMetric.Mean;
        if (isLatency && operation is null)
        {
            return $"latency metric '{left[0]}' needs an operation name, e.g. '{left[0]} submit < 20ms'";
        }

        var right = m.Groups["right"].Value.Trim();
        if (right.Length == 0)
        {
            return $"missing the limit after '{cmpText}'";
        }

        var value = Value().Match(right);
        if (!value.Success
            || !double.TryParse(value.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit))
        {
            return $"'{right}' is not a number with an optional unit";
        }

        if (limit < 0)
        {
            return $"the limit {value.Groups["num"].Value} is negative";
        }

        var unit = value.Groups["unit"].Value;
        var unitError = ApplyUnit(metric, metricText, unit, ref limit);
        if (unitError is not null)
        {
            return unitError;
        }

        threshold = new Threshold(text.Trim(), metric, percentile, operation, comparison.Value, limit);
        return null;
    }

    private static string? ApplyUnit(ThresholdMetric metric, string metricText, string unit, ref double limit)
    {
        switch (metric)
        {
            case ThresholdMetric.Percentile or ThresholdMetric.Max or ThresholdMetric.Mean:
                switch (unit.ToLowerInvariant())
                {
                    case "":
                        return $"latency limit needs a unit (us, ms or s)";
                    case "us" or "µs":
                        limit /= 1000;
                        return null;
                    case "ms":
                        return null;
                    case "s":
                        limit *= 1000;
                        return null;
                    default:
                        return $"unknown time unit '{unit}' (use us, ms or s)";
                }

            case ThresholdMetric.FailPercent or ThresholdMetric.DropPercent or ThresholdMetric.LatePercent:
                return unit is "" or "%" ? null : $"unit '{unit}' does not fit '{metricText}', which is a percentage";

            case ThresholdMetric.Rps:
                return unit.ToLowerInvariant() is "" or "/s" or "rps" ? null : $"unit '{unit}' does not fit 'rps' (use no unit or /s)";

            default:
                return unit.Length == 0 ? null : $"'{metricText}' is a plain count and takes no unit, but got '{unit}'";
        }
    }

    // The lazy left side makes the comparison the last one in the text, so operation names such as
    // "submit->assign" may contain '>' as long as the limit itself has no comparison characters.
    [GeneratedRegex(@"^\s*(?<left>.*?)\s*(?<cmp>[<>=!]{1,2})\s*(?<right>[^<>=!]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(?<num>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(?<unit>\S*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Value();
}
