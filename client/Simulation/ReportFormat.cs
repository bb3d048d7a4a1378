using System.Globalization;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Client.Simulation;

/// <summary>Number and time formats shared by the console, CSV and HTML outputs, always invariant culture.</summary>
public static class ReportFormat
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    public static string Time(DateTime at) => at.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Machine-readable number for CSV: empty for a value that does not exist (NaN, ∞).</summary>
    public static string Csv(double value) => double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : "";

    public static string Csv(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Count(double value) => double.IsFinite(value) ? value.ToString(value >= 100 ? "N0" : "0.#", CultureInfo.InvariantCulture) : "-";

    public static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";

    /// <summary>"82.3 % ± 1.2": the half-width in percentage points; omitted when there is none (one replication).</summary>
    public static string Percent(ConfidenceInterval? ci) => ci is not { } c
        ? "-"
        : Percent(c.Mean) + (double.IsFinite(c.HalfWidth) && double.IsFinite(c.Mean) ? " ± " + (c.HalfWidth * 100).ToString("0.0", CultureInfo.InvariantCulture) : "");

    public static string Number(ConfidenceInterval? ci) => ci is not { } c
        ? "-"
        : Count(c.Mean) + (double.IsFinite(c.HalfWidth) && double.IsFinite(c.Mean) ? " ± " + Count(c.HalfWidth) : "");

    /// <summary>A duration in minutes, in the unit that reads best: seconds, minutes or hours.</summary>
    public static string Minutes(double minutes) => !double.IsFinite(minutes)
        ? "-"
        : Math.Abs(minutes) < 1
            ? (minutes * 60).ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : Math.Abs(minutes) < 120
                ? minutes.ToString("0.#", CultureInfo.InvariantCulture) + " min"
                : (minutes / 60).ToString("0.#", CultureInfo.InvariantCulture) + " h";

    /// <summary>Mean and half-width of a duration, both in the unit the mean reads best in.</summary>
    public static string Minutes(ConfidenceInterval? ci)
    {
        if (ci is not { } c || !double.IsFinite(c.Mean))
        {
            return "-";
        }

        if (!double.IsFinite(c.HalfWidth))
        {
            return Minutes(c.Mean);
        }

        var (factor, unit) = Math.Abs(c.Mean) < 1 ? (60.0, "s") : Math.Abs(c.Mean) < 120 ? (1.0, "min") : (1 / 60.0, "h");
        return $"{(c.Mean * factor).ToString("0.##", CultureInfo.InvariantCulture)} ± {(c.HalfWidth * factor).ToString("0.##", CultureInfo.InvariantCulture)} {unit}";
    }

    public static string Duration(TimeSpan span) => span.TotalDays >= 1
        ? span.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>A name usable as a directory name on every platform.</summary>
    public static string FileSafe(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var safe = new string(chars).Trim('-', '.');
        return safe.Length == 0 ? "scenario" : safe;
    }
}
