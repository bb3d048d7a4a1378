using System.Text.Json;
using SupportQueue.Json;
using SupportQueue.Core.Demand;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// A demand week (intraday × weekday × events, through the simulator's own <see cref="RateFunction"/>)
/// as the relative rate curve <c>Simulation.Seasonal</c> wants: x = 0..1 through the week, 1 at its peak.
/// </summary>
public sealed class SeasonalDemand
{
    /// <summary>Monday 00:00, so the weekday factors line up with the first seven days.</summary>
    public static readonly DateTime WeekStart = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Unspecified);

    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly RateFunction _rate;
    private readonly double _peakPerMinute;

    public SeasonalDemand(DemandProfile profile)
    {
        _rate = new RateFunction(profile, WeekStart, Week.TotalMinutes);
        _peakPerMinute = Enumerable.Range(0, _rate.SegmentCount).Max(_rate.SegmentRate);
        if (_peakPerMinute <= 0)
        {
            throw new ArgumentException("The demand profile has no demand in its first week.", nameof(profile));
        }

        // Expected arrivals over the week relative to running at the peak all week: the schedule's mean load.
        MeanOverPeak = _rate.TotalExpected / (_peakPerMinute * Week.TotalMinutes);
    }

    /// <summary>Average rate as a fraction of the peak.</summary>
    public double MeanOverPeak { get; }

    /// <summary>Relative demand at fraction <paramref name="x"/> of the week (0..1, 1 at the busiest interval).</summary>
    public double RelativeRate(double x) => _rate.Rate(Math.Clamp(x, 0, 1) * Week.TotalMinutes * 0.999999) / _peakPerMinute;

    /// <summary>A support desk's week: office-hours double hump, quiet weekend, a launch spike on Wednesday afternoon.</summary>
    public static DemandProfile DefaultProfile() => new()
    {
        BaseVolume = 100,
        IntervalMinutes = 15,
        Intraday =
        [
            0.15, 0.1, 0.1, 0.1, 0.15, 0.25, 0.5, 0.9, 1.4, 1.8, 1.9, 1.7,
            1.4, 1.6, 1.8, 1.7, 1.5, 1.2, 0.9, 0.7, 0.5, 0.4, 0.3, 0.2,
        ],
        DayOfWeek = [1.2, 1.1, 1.0, 1.0, 0.9, 0.35, 0.25],
        Events =
        [
            new DemandEvent { Name = "launch", From = WeekStart.AddDays(2).AddHours(13), To = WeekStart.AddDays(2).AddHours(15), Factor = 2.0 },
        ],
    };

    /// <summary>Reads a demand profile JSON file (the simulator's format).</summary>
    public static DemandProfile Load(string path)
    {
        var profile = JsonSerializer.Deserialize<DemandProfile>(File.ReadAllText(path), SupportQueueJson.Options)
            ?? throw new ArgumentException($"{path}: empty demand profile");
        var errors = profile.Validate("$");
        return errors.Count == 0 ? profile : throw new ArgumentException($"{path}: " + string.Join("; ", errors));
    }
}
