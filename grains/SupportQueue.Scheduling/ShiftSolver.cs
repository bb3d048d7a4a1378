using System.Diagnostics;

namespace SupportQueue.Scheduling;

/// <summary>
/// Turns per-interval head-count requirements and shift templates into a least-cost roster with
/// OR-Tools CP-SAT (set covering over explicit shift variants, Dantzig 1954, with break placement
/// enumerated so coverage accounts for breaks). Hard coverage minimises paid cost subject to
/// coverage ≥ requirement in every interval. Soft coverage (or Auto when hard coverage is
/// infeasible) first minimises the weighted shortfall, then the paid cost at that shortfall.
/// </summary>
public static class ShiftSolver
{
    /// <summary>Solves <paramref name="problem"/>; progress arrives on the solver's threads.</summary>
    /// <exception cref="ShiftProblemException">Bad input, naming each field and value; nothing was searched.</exception>
    public static ShiftSchedule Solve(
        ShiftProblem problem,
        SolverOptions? options = null,
        IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= SolverOptions.Default;
        var errors = ProblemChecks.Check(problem, options);
        if (errors.Count > 0)
        {
            throw new ShiftProblemException(errors);
        }

        var variants = VariantBuilder.Build(problem, errors);
        CheckCaps(problem, variants, errors);
        var uncovered = Uncoverable(problem, variants);
        if (options.Mode == CoverageMode.Hard)
        {
            foreach (var (group, interval) in uncovered)
            {
                var requirement = problem.Requirements[group];
                errors.Add(new(
                    $"requirements[{group}] ('{requirement.Group}').required[{interval}]",
                    ProblemChecks.Format(requirement.Required[interval]),
                    $"no shift template of the group is on duty in the interval starting {problem.Grid.IntervalStart(interval):yyyy-MM-dd'T'HH:mm}; " +
                    "add a template that covers it, or use soft coverage"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ShiftProblemException(errors);
        }

        var clock = Stopwatch.StartNew();
        var phases = new List<SolvePhase>();
        var costDivisor = 100.0;
        if (options.Mode == CoverageMode.Hard || (options.Mode == CoverageMode.Auto && uncovered.Count == 0))
        {
            var hard = RosterModel.Build(problem, variants, soft: false);
            hard.Model.Minimize(hard.Cost);
            var outcome = PhaseRunner.Run(hard.Model, hard.Variables, "cost", costDivisor, Remaining(options, clock), options, progress, clock, cancellationToken);
            phases.Add(outcome.Report);
            if (outcome.Values is not null)
            {
                return ScheduleReader.Read(problem, variants, outcome.Values, outcome.Status, CoverageMode.Hard, outcome.Report.Gap, phases);
            }

            if (options.Mode == CoverageMode.Hard || outcome.Status != ScheduleStatus.Infeasible)
            {
                return ScheduleReader.Empty(problem, outcome.Status, CoverageMode.Hard, phases);
            }
        }

        return SolveSoft(problem, variants, options, progress, clock, phases, cancellationToken);
    }

    private static ShiftSchedule SolveSoft(
        ShiftProblem problem,
        List<ShiftVariant> variants,
        SolverOptions options,
        IProgress<SolverProgress>? progress,
        Stopwatch clock,
        List<SolvePhase> phases,
        CancellationToken cancellationToken)
    {
        var soft = RosterModel.Build(problem, variants, soft: true);
        var shortfallDivisor = (double)RosterModel.WeightScale * problem.Grid.IntervalMinutes;
        soft.Model.Minimize(soft.Shortfall!);

        // Half the remaining time for the shortfall; the cost phase gets whatever is left.
        var first = PhaseRunner.Run(
            soft.Model, soft.Variables, "shortfall", shortfallDivisor, Remaining(options, clock) / 2, options, progress, clock, cancellationToken);
        phases.Add(first.Report);
        if (first.Values is null)
        {
            return ScheduleReader.Empty(problem, first.Status, CoverageMode.Soft, phases);
        }

        var best = (long)Math.Round(first.Objective);
        soft.Model.Add(soft.Shortfall! <= best);
        soft.Model.Minimize(soft.Cost); // replaces the shortfall objective
        soft.Model.ClearHints();
        for (var i = 0; i < soft.Variables.Count; i++)
        {
            soft.Model.AddHint(soft.Variables[i], first.Values[i]);
        }

        var second = PhaseRunner.Run(
            soft.Model, soft.Variables, "cost", 100.0, Remaining(options, clock), options, progress, clock, cancellationToken);
        phases.Add(second.Report);
        var values = second.Values ?? first.Values;
        var status = first.Status == ScheduleStatus.Optimal && second.Status == ScheduleStatus.Optimal
            ? ScheduleStatus.Optimal
            : ScheduleStatus.Feasible;
        var gap = second.Values is null ? double.NaN : second.Report.Gap;
        return ScheduleReader.Read(problem, variants, values, status, CoverageMode.Soft, gap, phases);
    }

    private static TimeSpan Remaining(SolverOptions options, Stopwatch clock) => options.TimeLimit - clock.Elapsed;

    /// <summary>
    /// A cap below what the templates' minimum per day already demand leaves no roster at all,
    /// not even a short one: name the cap and the day.
    /// </summary>
    private static void CheckCaps(ShiftProblem problem, List<ShiftVariant> variants, List<ShiftProblemError> errors)
    {
        for (var g = 0; g < problem.Requirements.Count; g++)
        {
            var requirement = problem.Requirements[g];
            if (requirement.HeadCountCap is not { } cap)
            {
                continue;
            }

            var perDay = variants
                .Where(v => problem.Templates[v.Template].Group == requirement.Group)
                .Select(v => (v.Day, v.Template))
                .Distinct()
                .GroupBy(p => p.Day)
                .Select(day => (Day: day.Key, Minimum: day.Sum(p => problem.Templates[p.Template].MinPerDay), Templates: day.Select(p => p.Template).ToList()))
                .Where(day => day.Minimum > cap)
                .OrderBy(day => day.Day)
                .FirstOrDefault();
            if (perDay.Templates is not null)
            {
                var detail = string.Join(", ", perDay.Templates
                    .Where(t => problem.Templates[t].MinPerDay > 0)
                    .Select(t => $"{problem.Templates[t].Name}: {problem.Templates[t].MinPerDay}"));
                errors.Add(new(
                    $"requirements[{g}] ('{requirement.Group}').headCountCap",
                    ProblemChecks.Format(cap),
                    $"below the {perDay.Minimum} people the templates' minPerDay require on {perDay.Day:yyyy-MM-dd} ({detail}); no roster fits"));
            }
        }
    }

    private static List<(int Group, int Interval)> Uncoverable(ShiftProblem problem, List<ShiftVariant> variants)
    {
        var result = new List<(int, int)>();
        for (var g = 0; g < problem.Requirements.Count; g++)
        {
            var requirement = problem.Requirements[g];
            var reached = new bool[problem.Grid.Count];
            foreach (var variant in variants.Where(v => problem.Templates[v.Template].Group == requirement.Group))
            {
                foreach (var (interval, _) in variant.Presence)
                {
                    reached[interval] = true;
                }
            }

            for (var t = 0; t < reached.Length; t++)
            {
                if (!reached[t] && requirement.Required[t] > 0)
                {
                    result.Add((g, t));
                }
            }
        }

        return result;
    }
}
