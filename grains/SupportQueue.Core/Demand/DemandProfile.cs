using System.Globalization;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Demand;

/// <summary>
/// Expected ticket volume over the calendar. For the interval starting at wall-clock time <c>t</c>:
/// <c>expected tickets = baseVolume × intraday(t) × dayOfWeek(t) × season(t) × Π events(t)</c>.
/// <list type="bullet">
/// <item><see cref="BaseVolume"/>: tickets per interval on an average interval of a day whose
/// other factors are all 1 (intraday weights are normalised to mean 1, so raw historical
/// counts can be pasted as weights).</item>
/// <item><see cref="Intraday"/>: relative weights covering the day in equal slots. Its length must
/// divide the number of intervals per day (96 at 15 minutes, 48 at 30); a shorter list stretches,
/// each weight holding for several consecutive intervals (24 weights = hourly, 1 = flat).
/// Omitted: flat.</item>
/// <item><see cref="DayOfWeek"/>: 7 multipliers, Monday first. Omitted: all 1.</item>
/// <item><see cref="Seasons"/>: multipliers for inclusive date ranges; they must not overlap;
/// days outside every season have factor 1.</item>
/// <item><see cref="Events"/>: one-off multipliers over wall-clock ranges; overlapping events multiply.</item>
/// </list>
/// Wall-clock time has no daylight-saving gaps: every day is 1,440 virtual minutes.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.DemandProfile")]
public sealed record DemandProfile
{
    [Id(0)]
    public double? BaseVolume { get; init; }

    /// <summary>15 or 30; 15 when omitted.</summary>
    [Id(1)]
    public int IntervalMinutes { get; init; } = 15;

    [Id(2)]
    public IReadOnlyList<double>? Intraday { get; init; }

    [Id(3)]
    public IReadOnlyList<double>? DayOfWeek { get; init; }

    [Id(4)]
    public IReadOnlyList<SeasonalFactor>? Seasons { get; init; }

    [Id(5)]
    public IReadOnlyList<DemandEvent>? Events { get; init; }

    /// <summary>
    /// A volume CSV (<c>start,volume[,class]</c>, see <see cref="VolumeCsv"/>), path relative to the
    /// scenario file: expected tickets per interval instead of <see cref="BaseVolume"/> and the factors.
    /// </summary>
    [Id(6)]
    public string? Volumes { get; init; }

    /// <summary>The contents of <see cref="Volumes"/>, read by whoever loaded the scenario file; not a field of the file.</summary>
    [Id(7)]
    public VolumeTable? VolumeTable { get; init; }

    /// <summary>Intervals in one day: 96 or 48 for a valid profile.</summary>
    public int IntervalsPerDay => IntervalMinutes > 0 ? 1440 / IntervalMinutes : 0;

    /// <summary>Checks the profile; <paramref name="jsonPath"/> prefixes every reported path.</summary>
    public IReadOnlyList<ValidationError> Validate(string jsonPath = "$")
    {
        var errors = new List<ValidationError>();
        Validate(jsonPath, errors);
        return errors;
    }

    internal void Validate(string path, List<ValidationError> errors)
    {
        if (Volumes is not null)
        {
            ValidateVolumes(path, errors);
            if (IntervalMinutes is not (15 or 30))
            {
                errors.Add(new ValidationError(path + ".intervalMinutes", ValidationError.Format(IntervalMinutes), "must be 15 or 30"));
            }

            return;
        }

        SpecChecks.NonNegative(errors, path + ".baseVolume", BaseVolume);

        var intervalOk = IntervalMinutes is 15 or 30;
        if (!intervalOk)
        {
            errors.Add(new ValidationError(path + ".intervalMinutes", ValidationError.Format(IntervalMinutes), "must be 15 or 30"));
        }

        if (Intraday is { } intraday)
        {
            var perDay = intervalOk ? IntervalsPerDay : 96;
            if (intraday.Count == 0 || perDay % intraday.Count != 0)
            {
                errors.Add(new ValidationError(
                    path + ".intraday",
                    $"[{intraday.Count} items]",
                    $"length must divide {perDay} (intervals per day at {IntervalMinutes} minutes), e.g. {perDay}, {perDay / 2}, 24 or 1"));
            }

            CheckFactors(errors, path + ".intraday", intraday, "weights must not all be zero");
        }

        if (DayOfWeek is { } dayOfWeek)
        {
            if (dayOfWeek.Count != 7)
            {
                errors.Add(new ValidationError(
                    path + ".dayOfWeek", $"[{dayOfWeek.Count} items]", "must have 7 factors, Monday first"));
            }

            CheckFactors(errors, path + ".dayOfWeek", dayOfWeek, null);
        }

        if (Seasons is { } seasons)
        {
            ValidateSeasons(path + ".seasons", seasons, errors);
        }

        if (Events is { } events)
        {
            ValidateEvents(path + ".events", events, intervalOk ? IntervalMinutes : 15, errors);
        }

        ValidateBounds(path, errors);
    }

    private void ValidateVolumes(string path, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(Volumes))
        {
            errors.Add(new ValidationError(path + ".volumes", $"'{Volumes}'", "must name a CSV file"));
        }
        else if (VolumeTable is null)
        {
            errors.Add(new ValidationError(path + ".volumes", $"'{Volumes}'", "not read: load the scenario from its file, so the CSV can be found beside it"));
        }

        var others = new (string Name, bool Given)[]
        {
            ("baseVolume", BaseVolume is not null), ("intraday", Intraday is not null), ("dayOfWeek", DayOfWeek is not null),
            ("seasons", Seasons is not null), ("events", Events is not null),
        };
        foreach (var (name, given) in others.Where(o => o.Given))
        {
            errors.Add(new ValidationError($"{path}.{name}", "(given)", "leave it out: the volumes file gives the demand per interval"));
        }
    }

    /// <summary>
    /// Caps each factor, then their busiest combination, so the rate stays finite and its sums
    /// and normalisation cannot overflow (which would read as zero demand, silently).
    /// </summary>
    private void ValidateBounds(string path, List<ValidationError> errors)
    {
        var before = errors.Count;
        const string factorReason = "must be at most 1000000";
        SpecChecks.AtMost(errors, path + ".baseVolume", BaseVolume, InputBounds.MaxTicketsPerInterval, "must be at most 1000000 tickets per interval");
        var peakIntraday = 1.0;
        if (Intraday is { Count: > 0 } intraday)
        {
            for (var i = 0; i < intraday.Count; i++)
            {
                SpecChecks.AtMost(errors, $"{path}.intraday[{i}]", intraday[i], InputBounds.MaxIntradayWeight, "must be at most 1000000000");
            }

            var mean = intraday.Average();
            peakIntraday = mean > 0 ? intraday.Max() / mean : 1.0;
        }

        var peakDay = MaxFactor(errors, path + ".dayOfWeek", DayOfWeek?.ToList(), factorReason);
        var peakSeason = MaxFactor(errors, path + ".seasons", Seasons?.Select(s => s?.Factor ?? 0).ToList(), factorReason, ".factor");
        var eventProduct = 1.0;
        if (Events is { } events)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is { } e && SpecChecks.AtMost(errors, $"{path}.events[{i}].factor", e.Factor, InputBounds.MaxDemandFactor, factorReason) && double.IsFinite(e.Factor))
                {
                    // Overlapping events multiply: the worst case is all of them at once.
                    eventProduct *= Math.Max(e.Factor, 1.0);
                }
            }
        }

        if (errors.Count == before && BaseVolume is { } baseVolume && double.IsFinite(baseVolume))
        {
            var peak = baseVolume * peakIntraday * peakDay * peakSeason * eventProduct;
            if (!(peak <= InputBounds.MaxTicketsPerInterval))
            {
                errors.Add(new ValidationError(
                    path + ".baseVolume",
                    ValidationError.Format(baseVolume),
                    $"with the busiest intraday, dayOfWeek, seasons and events factors this expects {ValidationError.Format(peak)} tickets in one interval; at most 1000000 are allowed"));
            }
        }
    }

    private static double MaxFactor(List<ValidationError> errors, string path, IReadOnlyList<double>? factors, string reason, string suffix = "")
    {
        var peak = 1.0;
        if (factors is null)
        {
            return peak;
        }

        for (var i = 0; i < factors.Count; i++)
        {
            if (SpecChecks.AtMost(errors, $"{path}[{i}]{suffix}", factors[i], InputBounds.MaxDemandFactor, reason) && double.IsFinite(factors[i]))
            {
                peak = Math.Max(peak, factors[i]);
            }
        }

        return peak;
    }

    private static void CheckFactors(List<ValidationError> errors, string path, IReadOnlyList<double> factors, string? allZeroReason)
    {
        var sum = 0.0;
        var ok = true;
        for (var i = 0; i < factors.Count; i++)
        {
            ok &= SpecChecks.NonNegative(errors, $"{path}[{i}]", factors[i]);
            sum += factors[i];
        }

        if (ok && allZeroReason is not null && factors.Count > 0 && sum <= 0)
        {
            errors.Add(new ValidationError(path, $"[{factors.Count} items]", allZeroReason));
        }
    }

    private static void ValidateSeasons(string path, IReadOnlyList<SeasonalFactor> seasons, List<ValidationError> errors)
    {
        for (var i = 0; i < seasons.Count; i++)
        {
            var item = $"{path}[{i}]";
            var season = seasons[i];
            if (season is null)
            {
                errors.Add(new ValidationError(item, "null", "must be an object with from, to and factor"));
                continue;
            }

            SpecChecks.NonNegative(errors, item + ".factor", season.Factor);
            if (season.To < season.From)
            {
                errors.Add(new ValidationError(
                    item + ".to", ValidationError.Format(season.To), $"must be on or after from ({ValidationError.Format(season.From)})"));
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                var other = seasons[j];
                if (other is not null && other.From <= other.To && season.From <= other.To && other.From <= season.To)
                {
                    errors.Add(new ValidationError(
                        item + ".from",
                        ValidationError.Format(season.From),
                        $"season {ValidationError.Format(season.From)}..{ValidationError.Format(season.To)} overlaps seasons[{j}] " +
                        $"({ValidationError.Format(other.From)}..{ValidationError.Format(other.To)})"));
                }
            }
        }
    }

    private static void ValidateEvents(string path, IReadOnlyList<DemandEvent> events, int intervalMinutes, List<ValidationError> errors)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var item = $"{path}[{i}]";
            var demandEvent = events[i];
            if (demandEvent is null)
            {
                errors.Add(new ValidationError(item, "null", "must be an object with name, from, to and factor"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(demandEvent.Name))
            {
                errors.Add(new ValidationError(item + ".name", ValidationError.Missing, "required"));
            }

            SpecChecks.NonNegative(errors, item + ".factor", demandEvent.Factor);
            CheckAligned(errors, item + ".from", demandEvent.From, intervalMinutes);
            CheckAligned(errors, item + ".to", demandEvent.To, intervalMinutes);
            if (demandEvent.To <= demandEvent.From)
            {
                errors.Add(new ValidationError(
                    item + ".to", ValidationError.Format(demandEvent.To), $"must be after from ({ValidationError.Format(demandEvent.From)})"));
            }
        }
    }

    private static void CheckAligned(List<ValidationError> errors, string path, DateTime value, int intervalMinutes)
    {
        if (value.TimeOfDay.Ticks % TimeSpan.FromMinutes(intervalMinutes).Ticks != 0)
        {
            errors.Add(new ValidationError(
                path,
                ValidationError.Format(value),
                $"must fall on a {intervalMinutes.ToString(CultureInfo.InvariantCulture)}-minute interval boundary"));
        }
    }
}
