namespace SupportQueue.Scheduling;

/// <summary>
/// Enumerates every concrete shift the templates allow on the grid (start day × start time ×
/// length × break placement) with its coverage per interval. Templates that can never work —
/// breaks that do not fit a length, or no shift touching the grid — are reported by field.
/// </summary>
internal static class VariantBuilder
{
    /// <summary>Keeps the model small enough to build in memory; beyond this, narrow the templates.</summary>
    public const int MaxVariants = 200_000;

    public static List<ShiftVariant> Build(ShiftProblem problem, List<ShiftProblemError> errors)
    {
        var grid = problem.Grid;
        var variants = new List<ShiftVariant>();
        var firstDay = DateOnly.FromDateTime(grid.Start);
        var lastDay = DateOnly.FromDateTime(grid.Start.AddMinutes(grid.TotalMinutes - 1));
        for (var i = 0; i < problem.Templates.Count; i++)
        {
            var template = problem.Templates[i];
            var field = ProblemChecks.TemplateField(problem, i);
            var before = variants.Count;
            var startsInGrid = false;
            var anyLengthFits = false;
            for (var l = 0; l < template.Lengths.Count; l++)
            {
                var length = (int)template.Lengths[l].TotalMinutes;
                var placements = Placements(template.Breaks ?? [], length, grid.IntervalMinutes);
                if (placements.Count == 0)
                {
                    errors.Add(new($"{field}.lengths[{l}]", ProblemChecks.Format(template.Lengths[l]),
                        "the breaks cannot all be placed inside a shift this long (check each break's window and length)"));
                    continue;
                }

                anyLengthFits = true;
                for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
                {
                    if (template.Days is { Count: > 0 } days && !days.Contains(day.DayOfWeek))
                    {
                        continue;
                    }

                    foreach (var startTime in template.StartTimes)
                    {
                        var start = (int)Math.Round((day.ToDateTime(TimeOnly.MinValue) + startTime - grid.Start).TotalMinutes);
                        if (start < 0 || start >= grid.TotalMinutes)
                        {
                            continue;
                        }

                        startsInGrid = true;
                        foreach (var placement in placements)
                        {
                            var presence = Presence(grid, start, length, placement);
                            if (presence.Count == 0)
                            {
                                continue;
                            }

                            var paid = length - placement.Where(b => !b.Paid).Sum(b => b.Length);
                            var cost = (long)Math.Round(template.CostPerPaidHour * paid / 60.0 * 100.0, MidpointRounding.AwayFromZero);
                            variants.Add(new ShiftVariant(i, day, start, length, placement, paid, cost, presence));
                        }

                        if (variants.Count > MaxVariants)
                        {
                            errors.Add(new("templates", $"> {MaxVariants} shift variants",
                                $"too many combinations of days, start times, lengths and break placements (reached at {field}); narrow them or use a coarser break step"));
                            return variants;
                        }
                    }
                }
            }

            if (variants.Count == before && anyLengthFits)
            {
                var why = startsInGrid
                    ? "its breaks take every minute it would cover"
                    : $"none of its start times falls inside the grid ({ProblemChecks.Format(grid.Start.TimeOfDay)} on {firstDay:yyyy-MM-dd} for {grid.TotalMinutes} minutes) on its days";
                errors.Add(new(field, $"'{template.Name}'", "covers no interval: " + why));
            }
        }

        return variants;
    }

    private static List<(int Offset, int Length, bool Paid)[]> Placements(IReadOnlyList<BreakRule> rules, int shiftLength, int intervalMinutes)
    {
        var result = new List<(int Offset, int Length, bool Paid)[]>();
        var current = new (int Offset, int Length, bool Paid)[rules.Count];
        Place(0, 0);
        return result;

        void Place(int index, int earliest)
        {
            if (index == rules.Count)
            {
                result.Add(((int Offset, int Length, bool Paid)[])current.Clone());
                return;
            }

            var rule = rules[index];
            var length = (int)rule.Length.TotalMinutes;
            var step = (int)(rule.Step ?? TimeSpan.FromMinutes(intervalMinutes)).TotalMinutes;
            var latest = (int)rule.LatestStart.TotalMinutes;
            for (var offset = (int)rule.EarliestStart.TotalMinutes; offset <= latest && offset + length <= shiftLength; offset += step)
            {
                // Breaks keep their listed order and do not overlap; a break at the very start or
                // end of a shift is allowed only where the rule's window says so.
                if (offset < earliest)
                {
                    continue;
                }

                current[index] = (offset, length, rule.Paid);
                Place(index + 1, offset + length);
            }
        }
    }

    private static List<(int Interval, int Minutes)> Presence(IntervalGrid grid, int start, int length, (int Offset, int Length, bool Paid)[] breaks)
    {
        var size = grid.IntervalMinutes;
        var minutes = new SortedDictionary<int, int>();
        var end = start + length;
        for (var raw = start / size; raw * size < end; raw++)
        {
            if (!grid.Cyclic && raw >= grid.Count)
            {
                break;
            }

            var from = raw * size;
            var on = Overlap(start, end, from, from + size);
            foreach (var b in breaks)
            {
                on -= Overlap(start + b.Offset, start + b.Offset + b.Length, from, from + size);
            }

            if (on > 0)
            {
                var interval = raw % grid.Count;
                minutes[interval] = minutes.GetValueOrDefault(interval) + on;
            }
        }

        return minutes.Select(pair => (pair.Key, pair.Value)).ToList();
    }

    private static int Overlap(int a0, int a1, int b0, int b1) => Math.Max(0, Math.Min(a1, b1) - Math.Max(a0, b0));
}
