namespace SupportQueue.Core.Model;

/// <summary>
/// Outer limits on what settings and scenarios may say. Inside them every date, duration and
/// rate stays representable (DateTime, TimeSpan, double) through the engine's arithmetic, so a
/// value that passes validation cannot break a desk or a run later with an overflow.
/// </summary>
public static class InputBounds
{
    /// <summary>Longest duration any setting may give (timeouts, waits, handling, targets).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>The same limit in minutes, the unit of scenario distributions.</summary>
    public const double MaxMinutes = 365 * 24 * 60;

    /// <summary>Earliest scenario start.</summary>
    public static readonly DateTime MinStart = new(2000, 1, 1);

    /// <summary>Latest scenario start; with a horizon of at most 400 days the end stays far from year 9999.</summary>
    public static readonly DateTime MaxStart = new(9000, 12, 31);

    /// <summary>Largest single demand factor (intraday weights may be raw counts, so they get more room).</summary>
    public const double MaxDemandFactor = 1e6;

    /// <summary>Largest intraday weight: raw historical counts are accepted and normalised.</summary>
    public const double MaxIntradayWeight = 1e9;

    /// <summary>Most tickets expected in one interval at the busiest combination of every demand factor.</summary>
    public const double MaxTicketsPerInterval = 1e6;

    /// <summary>Text for a reason: "at most 365 days".</summary>
    public const string MaxDurationText = "at most 365 days";
}
