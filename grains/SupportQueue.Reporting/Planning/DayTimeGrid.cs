using System.Globalization;

namespace SupportQueue.Reporting.Planning;

/// <summary>
/// Folds a series on an interval grid (one value per interval from <see cref="Start"/>) into a
/// day × time-of-day table, the shape a planner reads a week in: one row per calendar day, one
/// column per interval of the day. Cells before the first or after the last interval are null.
/// </summary>
public sealed record DayTimeGrid(DateTime Start, int IntervalMinutes, IReadOnlyList<DateOnly> Days, IReadOnlyList<TimeSpan> Times)
{
    /// <summary>The grid that holds <paramref name="count"/> intervals of <paramref name="intervalMinutes"/> from <paramref name="start"/>.</summary>
    public static DayTimeGrid For(DateTime start, int intervalMinutes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(intervalMinutes, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        // Columns cover the whole day so that every row lines up, whatever time the grid starts at.
        var perDay = Math.Max(1, 1440 / intervalMinutes);
        var times = Enumerable.Range(0, perDay).Select(i => TimeSpan.FromMinutes((double)i * intervalMinutes)).ToList();
        var first = DateOnly.FromDateTime(start);
        var last = count == 0 ? first : DateOnly.FromDateTime(start.AddMinutes(((double)count - 1) * intervalMinutes));
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days.Add(d);
        }

        return new DayTimeGrid(start, intervalMinutes, days, times);
    }

    /// <summary>Row and column of interval <paramref name="index"/>.</summary>
    public (int Row, int Column) Cell(int index)
    {
        var at = Start.AddMinutes((double)index * IntervalMinutes);
        var row = DateOnly.FromDateTime(at).DayNumber - Days[0].DayNumber;
        var column = (int)(at.TimeOfDay.TotalMinutes / IntervalMinutes);
        return (row, column);
    }

    /// <summary>The series as rows (days) of columns (times of day); a null value stays null.</summary>
    public IReadOnlyList<IReadOnlyList<double?>> Fold(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var cells = Days.Select(_ => new double?[Times.Count]).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var (row, column) = Cell(i);
            if (row >= 0 && row < cells.Count && column < Times.Count)
            {
                cells[row][column] = values[i];
            }
        }

        return cells;
    }

    /// <summary>Row labels such as "Fri 27 Nov".</summary>
    public IReadOnlyList<string> DayLabels => [.. Days.Select(d => d.ToString("ddd d MMM", CultureInfo.InvariantCulture))];

    /// <summary>Column labels such as "09:30".</summary>
    public IReadOnlyList<string> TimeLabels => [.. Times.Select(t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture))];
}
