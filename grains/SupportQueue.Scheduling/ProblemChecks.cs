using System.Globalization;

namespace SupportQueue.Scheduling;

/// <summary>
/// Field-by-field checks of a <see cref="ShiftProblem"/>, collected so that one run reports every
/// mistake. Checks that need the shift variants (a template covering nothing, breaks that never
/// fit) live in <see cref="VariantBuilder"/>.
/// </summary>
internal static class ProblemChecks
{
    public static List<ShiftProblemError> Check(ShiftProblem problem, SolverOptions options)
    {
        var errors = new List<ShiftProblemError>();
        CheckGrid(problem.Grid, errors);
        CheckOptions(options, errors);
        var groups = CheckRequirements(problem, errors);
        CheckTemplates(problem, groups, errors);
        return errors;
    }

    internal static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string TemplateField(ShiftProblem problem, int index) =>
        $"templates[{index}] ('{problem.Templates[index]?.Name}')";

    private static void CheckGrid(IntervalGrid? grid, List<ShiftProblemError> errors)
    {
        if (grid is null)
        {
            errors.Add(new("grid", "(null)", "required"));
            return;
        }

        if (grid.IntervalMinutes <= 0 || 1440 % grid.IntervalMinutes != 0)
        {
            errors.Add(new("grid.intervalMinutes", Format(grid.IntervalMinutes), "must be > 0 and divide a day (1440 minutes), e.g. 15, 30 or 60"));
        }

        if (grid.Count <= 0)
        {
            errors.Add(new("grid.count", Format(grid.Count), "must be ≥ 1"));
        }

        if (grid.Start.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            errors.Add(new("grid.start", grid.Start.ToString("o", CultureInfo.InvariantCulture), "must be a whole minute"));
        }
    }

    private static void CheckOptions(SolverOptions? options, List<ShiftProblemError> errors)
    {
        if (options is null)
        {
            errors.Add(new("options", "(null)", "required"));
            return;
        }

        if (!(options.TimeLimit > TimeSpan.Zero))
        {
            errors.Add(new("options.timeLimit", Format(options.TimeLimit), "must be > 0"));
        }

        if (options.Workers is < 1 or > 64)
        {
            errors.Add(new("options.workers", Format(options.Workers), "must be in 1..64"));
        }

        if (options.DeterministicTimeLimit is { } dtime && !(dtime > 0 && double.IsFinite(dtime)))
        {
            errors.Add(new("options.deterministicTimeLimit", Format(dtime), "must be finite and > 0"));
        }

        if (!(options.RelativeGapLimit >= 0 && options.RelativeGapLimit < 1))
        {
            errors.Add(new("options.relativeGapLimit", Format(options.RelativeGapLimit), "must be in [0, 1)"));
        }

        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add(new("options.mode", options.Mode.ToString(), "must be Auto, Hard or Soft"));
        }
    }

    private static HashSet<string> CheckRequirements(ShiftProblem problem, List<ShiftProblemError> errors)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        if (problem.Requirements is null || problem.Requirements.Count == 0)
        {
            errors.Add(new("requirements", "[]", "at least one group's requirement is needed"));
            return groups;
        }

        for (var i = 0; i < problem.Requirements.Count; i++)
        {
            var requirement = problem.Requirements[i];
            var field = $"requirements[{i}]";
            if (requirement is null || string.IsNullOrWhiteSpace(requirement.Group))
            {
                errors.Add(new(field + ".group", requirement is null ? "(null)" : $"'{requirement.Group}'", "required"));
                continue;
            }

            field = $"requirements[{i}] ('{requirement.Group}')";
            if (!groups.Add(requirement.Group))
            {
                errors.Add(new(field + ".group", $"'{requirement.Group}'", "listed twice"));
            }

            if (requirement.Required is null || (problem.Grid is { } grid && requirement.Required.Count != grid.Count))
            {
                errors.Add(new(
                    field + ".required",
                    requirement.Required is null ? "(null)" : $"[{requirement.Required.Count} items]",
                    $"must have one head count per grid interval ({problem.Grid?.Count})"));
            }
            else
            {
                for (var t = 0; t < requirement.Required.Count; t++)
                {
                    if (requirement.Required[t] < 0)
                    {
                        errors.Add(new($"{field}.required[{t}]", Format(requirement.Required[t]), "must be ≥ 0"));
                    }
                }
            }

            if (requirement.HeadCountCap is < 0)
            {
                errors.Add(new(field + ".headCountCap", Format(requirement.HeadCountCap.Value), "must be ≥ 0"));
            }

            if (!(requirement.ShortfallWeight > 0 && requirement.ShortfallWeight <= 1e6))
            {
                errors.Add(new(field + ".shortfallWeight", Format(requirement.ShortfallWeight), "must be in (0, 1e6]"));
            }
        }

        return groups;
    }

    private static void CheckTemplates(ShiftProblem problem, HashSet<string> groups, List<ShiftProblemError> errors)
    {
        if (problem.Templates is null || problem.Templates.Count == 0)
        {
            errors.Add(new("templates", "[]", "at least one shift template is needed"));
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Templates.Count; i++)
        {
            var template = problem.Templates[i];
            if (template is null)
            {
                errors.Add(new($"templates[{i}]", "(null)", "must be a shift template"));
                continue;
            }

            var field = TemplateField(problem, i);
            if (string.IsNullOrWhiteSpace(template.Name))
            {
                errors.Add(new(field + ".name", $"'{template.Name}'", "required"));
            }
            else if (!names.Add(template.Name))
            {
                errors.Add(new(field + ".name", $"'{template.Name}'", "listed twice"));
            }

            if (template.Group is null || !groups.Contains(template.Group))
            {
                errors.Add(new(field + ".group", $"'{template.Group}'", $"no requirement for this group (groups: {string.Join(", ", groups)})"));
            }

            CheckStartTimes(problem.Grid, template, field, errors);
            CheckLengths(template, field, errors);
            CheckBreaks(template, field, errors);

            if (!(template.CostPerPaidHour >= 0 && template.CostPerPaidHour <= 1e6))
            {
                errors.Add(new(field + ".costPerPaidHour", Format(template.CostPerPaidHour), "must be in [0, 1e6]"));
            }

            if (template.MinPerDay < 0)
            {
                errors.Add(new(field + ".minPerDay", Format(template.MinPerDay), "must be ≥ 0"));
            }

            if (template.MaxPerDay is { } max && (max < 0 || max < template.MinPerDay))
            {
                errors.Add(new(field + ".maxPerDay", Format(max), $"must be ≥ 0 and ≥ minPerDay ({template.MinPerDay})"));
            }
        }
    }

    private static void CheckStartTimes(IntervalGrid? grid, ShiftTemplate template, string field, List<ShiftProblemError> errors)
    {
        if (template.StartTimes is null || template.StartTimes.Count == 0)
        {
            errors.Add(new(field + ".startTimes", "[]", "at least one start time is needed"));
            return;
        }

        for (var s = 0; s < template.StartTimes.Count; s++)
        {
            var start = template.StartTimes[s];
            if (start < TimeSpan.Zero || start >= TimeSpan.FromDays(1))
            {
                errors.Add(new($"{field}.startTimes[{s}]", Format(start), "must be a time of day in [00:00, 24:00)"));
            }
            else if (grid is { IntervalMinutes: > 0 } &&
                (start - grid.Start.TimeOfDay).Ticks % TimeSpan.FromMinutes(grid.IntervalMinutes).Ticks != 0)
            {
                errors.Add(new($"{field}.startTimes[{s}]", Format(start), $"is not on the {grid.IntervalMinutes}-minute grid that starts at {Format(grid.Start.TimeOfDay)}"));
            }
        }
    }

    private static void CheckLengths(ShiftTemplate template, string field, List<ShiftProblemError> errors)
    {
        if (template.Lengths is null || template.Lengths.Count == 0)
        {
            errors.Add(new(field + ".lengths", "[]", "at least one shift length is needed"));
            return;
        }

        for (var l = 0; l < template.Lengths.Count; l++)
        {
            var length = template.Lengths[l];
            if (length <= TimeSpan.Zero || length > TimeSpan.FromHours(24) || length.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add(new($"{field}.lengths[{l}]", Format(length), "must be whole minutes in (0, 24:00]"));
            }
        }
    }

    private static void CheckBreaks(ShiftTemplate template, string field, List<ShiftProblemError> errors)
    {
        if (template.Breaks is null)
        {
            return;
        }

        for (var b = 0; b < template.Breaks.Count; b++)
        {
            var rule = template.Breaks[b];
            var item = $"{field}.breaks[{b}]";
            if (rule is null)
            {
                errors.Add(new(item, "(null)", "must be a break rule"));
                continue;
            }

            if (rule.Length <= TimeSpan.Zero || rule.Length.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add(new(item + ".length", Format(rule.Length), "must be whole minutes > 0"));
            }

            if (rule.EarliestStart < TimeSpan.Zero || rule.EarliestStart.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add(new(item + ".earliestStart", Format(rule.EarliestStart), "must be whole minutes ≥ 0 after the shift start"));
            }

            if (rule.LatestStart < rule.EarliestStart || rule.LatestStart.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add(new(item + ".latestStart", Format(rule.LatestStart), $"must be whole minutes, not before earliestStart ({Format(rule.EarliestStart)})"));
            }

            if (rule.Step is { } step && (step <= TimeSpan.Zero || step.Ticks % TimeSpan.TicksPerMinute != 0))
            {
                errors.Add(new(item + ".step", Format(step), "must be whole minutes > 0"));
            }
        }
    }
}
