using System.Globalization;
using SupportQueue.Core.History;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Demand;

/// <summary>
/// Reads volumes per interval from CSV text: a header naming the columns <c>start</c>,
/// <c>volume</c> and optionally <c>class</c> (any order), then one row per interval (and class).
/// <c>start</c> is wall-clock time without a zone (<c>2026-11-23T08:30</c>, seconds and a space
/// instead of <c>T</c> allowed); <c>volume</c> a number ≥ 0 (forecasts may be fractional).
/// Rows must be in time order; an interval with no row has volume 0 (forecasts often leave out
/// closed hours). The interval length is given, or else the most common gap between starts.
/// Blank lines and lines starting with <c>#</c> are skipped. Pure: the caller reads the file.
/// </summary>
public static class VolumeCsv
{
    /// <summary>Reporting stops after this many errors: a wrong file rarely needs more to be recognised.</summary>
    public const int MaxErrors = 20;

    private static readonly string[] _formats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private sealed record Row(int Line, DateTime Start, double Volume, string? Class);

    /// <inheritdoc cref="Parse(IEnumerable{string}, IReadOnlyCollection{string}?, int?)"/>
    public static VolumeSeries Parse(string text, IReadOnlyCollection<string>? knownClasses = null, int? intervalMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A final newline ends the last line; it does not start another.
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return Parse(lines.Take(count).Select(line => line.TrimEnd('\r')), knownClasses, intervalMinutes);
    }

    /// <summary>Parses the lines of a volume CSV.</summary>
    /// <param name="lines">The file's lines, header first.</param>
    /// <param name="knownClasses">The scenario's ticket classes: any other class is refused, and the series lists these in this order. Null: classes as they appear.</param>
    /// <param name="intervalMinutes">Interval length; null: inferred.</param>
    /// <exception cref="VolumeCsvException">Every problem found (up to <see cref="MaxErrors"/>), by line and field.</exception>
    public static VolumeSeries Parse(IEnumerable<string> lines, IReadOnlyCollection<string>? knownClasses = null, int? intervalMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<ValidationError>();
        var rows = ReadRows(lines, knownClasses, errors, out var hasClass);
        if (errors.Count == 0)
        {
            CheckOrder(rows, hasClass, errors);
        }

        var interval = errors.Count == 0 ? Interval(rows, intervalMinutes, errors) : 0;
        if (errors.Count == 0)
        {
            CheckAligned(rows, interval, errors);
        }

        if (errors.Count > 0)
        {
            throw new VolumeCsvException(errors.Take(MaxErrors).ToList());
        }

        var classes = !hasClass ? [] : knownClasses?.ToList() ?? rows.Select(r => r.Class!).Distinct(StringComparer.Ordinal).ToList();
        var first = rows[0].Start;
        var count = (int)((rows[^1].Start - first).Ticks / TimeSpan.FromMinutes(interval).Ticks) + 1;
        var volumes = new double[count, Math.Max(1, classes.Count)];
        foreach (var row in rows)
        {
            var index = (int)((row.Start - first).Ticks / TimeSpan.FromMinutes(interval).Ticks);
            volumes[index, hasClass ? classes.IndexOf(row.Class!) : 0] = row.Volume;
        }

        return new VolumeSeries(first, interval, classes, volumes);
    }

    private static List<Row> ReadRows(IEnumerable<string> lines, IReadOnlyCollection<string>? knownClasses, List<ValidationError> errors, out bool hasClass)
    {
        var rows = new List<Row>();
        hasClass = false;
        Dictionary<string, int>? columns = null;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = History.CsvFields.Split(line);
            if (columns is null)
            {
                columns = Header(fields, number, errors);
                if (columns is null)
                {
                    return rows;
                }

                hasClass = columns.ContainsKey("class");
                continue;
            }

            if (errors.Count >= MaxErrors)
            {
                break;
            }

            if (fields.Count != columns.Count)
            {
                errors.Add(new($"line {number}", Quote(line), $"has {fields.Count} fields; the header has {columns.Count} ({string.Join(",", columns.Keys)})"));
                continue;
            }

            var row = ReadRow(fields, columns, number, knownClasses, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        if (columns is null)
        {
            errors.Add(new("line 1", "(empty)", "expected a header: start,volume[,class]"));
        }
        else if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new($"line {number}", "(end of file)", "no data rows after the header"));
        }

        return rows;
    }

    private static Dictionary<string, int>? Header(List<string> fields, int line, List<ValidationError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = errors.Count;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim().ToLowerInvariant();
            if (name is not ("start" or "volume" or "class"))
            {
                errors.Add(new($"line {line}, column {i + 1}", Quote(fields[i]), "unknown column; expected start, volume and optionally class"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new($"line {line}, column {i + 1}", Quote(fields[i]), "column named twice"));
            }
        }

        foreach (var required in new[] { "start", "volume" })
        {
            if (!columns.ContainsKey(required))
            {
                errors.Add(new($"line {line}", Quote(string.Join(",", fields)), $"header lacks the '{required}' column"));
            }
        }

        return errors.Count == before ? columns : null;
    }

    private static Row? ReadRow(List<string> fields, Dictionary<string, int> columns, int line, IReadOnlyCollection<string>? knownClasses, List<ValidationError> errors)
    {
        var ok = true;
        var startText = fields[columns["start"]].Trim();
        if (!DateTime.TryParseExact(startText, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            errors.Add(new($"line {line}, start", Quote(startText), "expected wall-clock time without a zone, e.g. 2026-11-23T08:30"));
            ok = false;
        }

        var volumeText = fields[columns["volume"]].Trim();
        if (!double.TryParse(volumeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var volume) || !double.IsFinite(volume))
        {
            errors.Add(new($"line {line}, volume", Quote(volumeText), "expected a number"));
            ok = false;
        }
        else if (volume < 0)
        {
            errors.Add(new($"line {line}, volume", volumeText, "must be ≥ 0"));
            ok = false;
        }

        string? ticketClass = null;
        if (columns.TryGetValue("class", out var classColumn))
        {
            ticketClass = fields[classColumn].Trim();
            if (ticketClass.Length == 0)
            {
                errors.Add(new($"line {line}, class", "''", "required when the file has a class column"));
                ok = false;
            }
            else if (knownClasses is not null && !knownClasses.Contains(ticketClass))
            {
                errors.Add(new($"line {line}, class", Quote(ticketClass), $"unknown class (the scenario has {string.Join(", ", knownClasses)})"));
                ok = false;
            }
        }

        return ok ? new Row(line, start, volume, ticketClass) : null;
    }

    private static void CheckOrder(List<Row> rows, bool hasClass, List<ValidationError> errors)
    {
        var seen = new Dictionary<(DateTime, string?), int>();
        for (var i = 0; i < rows.Count && errors.Count < MaxErrors; i++)
        {
            var row = rows[i];
            if (i > 0 && row.Start < rows[i - 1].Start)
            {
                errors.Add(new($"line {row.Line}, start", Format(row.Start),
                    $"before the previous row's start ({Format(rows[i - 1].Start)}, line {rows[i - 1].Line}); rows must be in time order"));
            }
            else if (!seen.TryAdd((row.Start, row.Class), row.Line))
            {
                var what = hasClass ? $"class '{row.Class}' at this start" : "this start";
                errors.Add(new($"line {row.Line}, start", Format(row.Start), $"{what} is already on line {seen[(row.Start, row.Class)]} (overlapping intervals)"));
            }
        }
    }

    private static int Interval(List<Row> rows, int? given, List<ValidationError> errors)
    {
        if (given is { } minutes)
        {
            if (minutes <= 0 || 1440 % minutes != 0)
            {
                errors.Add(new("intervalMinutes", minutes.ToString(CultureInfo.InvariantCulture), "must be > 0 and divide a day (1440 minutes)"));
            }

            return minutes;
        }

        // The most common gap between consecutive starts (the smallest on a tie): one stray
        // row at a finer spacing is then reported as off the grid instead of redefining it.
        var gaps = rows.Select(r => r.Start).Distinct().Order().ToList();
        var inferred = gaps.Zip(gaps.Skip(1), (a, b) => (b - a).TotalMinutes)
            .GroupBy(gap => gap)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key)
            .Select(group => group.Key)
            .FirstOrDefault();
        if (inferred == 0)
        {
            errors.Add(new($"line {rows[0].Line}, start", Format(rows[0].Start), "one start time only: the interval length cannot be inferred; give it"));
            return 0;
        }

        if (inferred != Math.Floor(inferred) || 1440 % (int)inferred != 0)
        {
            errors.Add(new("intervalMinutes", inferred.ToString(CultureInfo.InvariantCulture),
                "the most common gap between starts must be whole minutes that divide a day (1440); give the interval length"));
            return 0;
        }

        return (int)inferred;
    }

    private static void CheckAligned(List<Row> rows, int interval, List<ValidationError> errors)
    {
        var ticks = TimeSpan.FromMinutes(interval).Ticks;
        foreach (var row in rows)
        {
            if (row.Start.TimeOfDay.Ticks % ticks != 0)
            {
                var previous = new DateTime(row.Start.Ticks - (row.Start.TimeOfDay.Ticks % ticks));
                errors.Add(new($"line {row.Line}, start", Format(row.Start),
                    $"not on the {interval}-minute grid: overlaps the interval starting {Format(previous)}"));
                if (errors.Count >= MaxErrors)
                {
                    return;
                }
            }
        }
    }

    private static string Format(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    // Cut after 80 characters: a binary or wrong file can be one line of megabytes.
    private static string Quote(string value) => HistoryRowParser.Quote(value);
}
