using System.Globalization;
using System.Text;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Reports;

/// <summary>CSV renderings of a run (RFC 4180 quoting, invariant numbers, '\n' line ends).</summary>
public static class CsvReport
{
    /// <summary>One row per operation with totals and latency percentiles.</summary>
    public static string Operations(LoadRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        Line(sb,
            "operation", "count", "failures", "dropped", "late_starts", "throughput_rps", "fail_pct",
            "p50_ms", "p75_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms",
            "service_p50_ms", "service_p75_ms", "service_p95_ms", "service_p99_ms", "service_p999_ms", "service_max_ms", "service_mean_ms",
            "start_lag_p50_ms", "start_lag_p99_ms", "start_lag_max_ms",
            "failures_by_kind");
        foreach (var o in result.Operations)
        {
            var l = o.Latency;
            var s = o.ServiceTime;
            Line(sb,
                o.Operation, I(o.Count), I(o.Failures), I(o.Dropped), I(o.LateStarts), D(o.Throughput), D(o.FailPercent),
                D(l.P50), D(l.P75), D(l.P95), D(l.P99), D(l.P999), D(l.Max), D(l.Mean),
                D(s.P50), D(s.P75), D(s.P95), D(s.P99), D(s.P999), D(s.Max), D(s.Mean),
                D(o.StartLag.P50), D(o.StartLag.P99), D(o.StartLag.Max),
                string.Join(';', o.FailuresByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={I(k.Value)}")));
        }

        return sb.ToString();
    }

    /// <summary>One row per operation per sampling interval.</summary>
    public static string TimeSeries(LoadRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        Line(sb, "elapsed_s", "operation", "count", "failures", "throughput_rps", "p50_ms", "p99_ms", "service_p99_ms");
        foreach (var p in result.OperationSeries)
        {
            Line(sb, D(p.ElapsedSeconds), p.Operation, I(p.Count), I(p.Failures), D(p.Throughput), D(p.P50Ms), D(p.P99Ms), D(p.ServiceP99Ms));
        }

        return sb.ToString();
    }

    /// <summary>Run-wide samples: in-flight, CPU, GC pause per interval.</summary>
    public static string RunSeries(LoadRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        Line(sb, "elapsed_s", "in_flight", "cpu_pct", "gc_pause_ms");
        foreach (var p in result.RunSeries)
        {
            Line(sb, D(p.ElapsedSeconds), I(p.InFlight), D(p.CpuPercent), D(p.GcPauseMs));
        }

        return sb.ToString();
    }

    /// <summary>Per-silo load, one row per silo per interval (header only when the target reported none).</summary>
    public static string SiloLoad(LoadRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        Line(sb, "elapsed_s", "silo", "count");
        foreach (var p in result.SiloLoad)
        {
            foreach (var (silo, count) in p.LoadBySilo.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                Line(sb, D(p.ElapsedSeconds), silo, I(count));
            }
        }

        return sb.ToString();
    }

    /// <summary>Quotes a field when it holds a separator, quote or line break.</summary>
    internal static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Line(StringBuilder sb, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Escape(fields[i]));
        }

        sb.Append('\n');
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
