using System.Globalization;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Reports;

/// <summary>Number and label formatting shared by the report renderers.</summary>
internal static class ReportFormat
{
    public static string Verdict(LoadRunResult r) => r.WasCancelled ? "CANCELLED" : r.Passed ? "PASSED" : "FAILED";

    public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture);

    public static string FailureKinds(OperationStats o) =>
        o.FailuresByKind.Count == 0
            ? "-"
            : string.Join(", ", o.FailuresByKind.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => $"{k.Key}: {Int(k.Value)}"));

    public static IEnumerable<(string Name, string Value)> ResourceRows(ResourceStats r) =>
    [
        ("wall time", Seconds(r.WallTime) + " s"),
        ("CPU time", Seconds(r.CpuTime) + " s"),
        ("CPU", Num(r.CpuPercent) + " % of " + Int(r.ProcessorCount) + " cores"),
        ("GC collections (gen0/gen1/gen2)", $"{Int(r.Gen0Collections)} / {Int(r.Gen1Collections)} / {Int(r.Gen2Collections)}"),
        ("GC pause total", Num(r.GcPauseTotal.TotalMilliseconds) + " ms (" + Num(r.GcPausePercent) + " % of wall time)"),
        ("GC pause longest (sampled)", Num(r.GcPauseLongest.TotalMilliseconds) + " ms"),
        ("allocated", Num(r.AllocatedBytes / (1024.0 * 1024.0)) + " MiB"),
    ];
}
