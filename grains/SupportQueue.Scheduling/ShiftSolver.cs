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
    /// <summary>
    /// Solves <paramref name="problem"/>; progress arrives on the solver's threads. <paramref name="hint"/>
    /// (optional) is a roster to start the search from, e.g. the last solve of a nearly equal
    /// problem: its shifts that the templates still allow are hinted at their head counts.
    /// </summary>
    /// <exception cref="ShiftProblemException">Bad input, naming each field and value; nothing was searched.</exception>
    public static ShiftSchedule Solve(
        ShiftProblem problem,
        SolverOptions? options = null,
        IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default,
        ShiftSchedule? hint = null)
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

        // Groups share no constraint, so each is its own (smaller) model: a group whose cap makes
        // it short goes soft without dragging the others into the slower two-phase solve.
        var hinted = hint is null ? null : HintValues(problem, variants, hint);
        var clock = Stopwatch.StartNew();
        var phases = new List<SolvePhase>();
        var values = new long[variants.Count];
        var statuses = new List<ScheduleStatus>();
        var softUsed = false;
        var gap = 0.0;
        // A capped group (or any in soft mode) runs up to three searches (hard, shortfall, cost),
        // so it gets twice the share of the time left; groups that finish early (optimal, or within
        // the gap limit) leave their time to the rest. (Doubling groups soft only for an interval no
        // shift reaches starved a large uncapped group on the retail week.)
        var weights = Enumerable.Range(0, problem.Requirements.Count)
            .Select(g => options.Mode == CoverageMode.Soft || problem.Requirements[g].HeadCountCap is not null ? 2.0 : 1.0)
            .ToArray();
        for (var g = 0; g < problem.Requirements.Count; g++)
        {
            var group = problem.Requirements[g].Group;
            var members = Enumerable.Range(0, variants.Count).Where(v => problem.Templates[variants[v].Template].Group == group).ToList();
            var budget = Remaining(options, clock) * (weights[g] / weights.Skip(g).Sum());
            var groupHint = hinted is null ? null : members.Select(v => hinted[v]).ToArray();
            var result = SolveGroup(problem, g, members.Select(v => variants[v]).ToList(), uncovered.Any(u => u.Group == g), budget, options, progress, clock, phases, groupHint, cancellationToken);
            if (result.Values is null)
            {
                return ScheduleReader.Empty(problem, result.Status, result.Soft ? CoverageMode.Soft : CoverageMode.Hard, phases);
            }

            for (var i = 0; i < members.Count; i++)
            {
                values[members[i]] = result.Values[i];
            }

            statuses.Add(result.Status);
            softUsed |= result.Soft;
            gap = Math.Max(gap, result.Gap);
        }

        var status = statuses.All(s => s == ScheduleStatus.Optimal) ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        return ScheduleReader.Read(problem, variants, values, status, softUsed ? CoverageMode.Soft : CoverageMode.Hard, gap, phases);
    }

    /// <summary>
    /// Every mistake in <paramref name="problem"/> that <see cref="Solve"/> would refuse before
    /// searching, except requirements no template reaches (soft coverage accepts those); empty when
    /// it can be solved. Nothing is searched.
    /// </summary>
    public static IReadOnlyList<ShiftProblemError> Check(ShiftProblem problem, SolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = ProblemChecks.Check(problem, options ?? SolverOptions.Default);
        if (errors.Count == 0)
        {
            var variants = VariantBuilder.Build(problem, errors);
            CheckCaps(problem, variants, errors);
        }

        return errors;
    }

    /// <summary>[group][interval]: some shift of the group's templates is on duty in the interval.</summary>
    internal static bool[][] Reachable(ShiftProblem problem)
    {
        var variants = VariantBuilder.Build(problem, []);
        var reached = problem.Requirements.Select(_ => new bool[problem.Grid.Count]).ToArray();
        var groupOf = problem.Requirements.Select((r, g) => (r.Group, g)).ToDictionary(p => p.Group, p => p.g, StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            if (groupOf.TryGetValue(problem.Templates[variant.Template].Group, out var g))
            {
                foreach (var (interval, _) in variant.Presence)
                {
                    reached[g][interval] = true;
                }
            }
        }

        return reached;
    }

    private sealed record GroupResult(ScheduleStatus Status, long[]? Values, bool Soft, double Gap);

    private static GroupResult SolveGroup(
        ShiftProblem problem,
        int group,
        List<ShiftVariant> variants,
        bool uncovered,
        TimeSpan budget,
        SolverOptions options,
        IProgress<SolverProgress>? progress,
        Stopwatch clock,
        List<SolvePhase> phases,
        long[]? hint,
        CancellationToken cancellationToken)
    {
        var deadline = clock.Elapsed + budget;
        var name = problem.Requirements[group].Group;
        if (variants.Count == 0)
        {
            // Nothing to schedule (a group with no templates only reaches here with no requirement, or in soft mode).
            return new GroupResult(ScheduleStatus.Optimal, [], uncovered, 0);
        }

        if (options.Mode == CoverageMode.Hard || (options.Mode == CoverageMode.Auto && !uncovered))
        {
            // With a cap, Auto may well end soft: the hard attempt gets a third of the group's time,
            // and running out of it without a roster also falls back to soft coverage (proving a
            // capped model infeasible can take longer than finding the least shortfall).
            var capped = options.Mode == CoverageMode.Auto && problem.Requirements[group].HeadCountCap is not null;
            var hardBudget = capped ? (deadline - clock.Elapsed) / 3 : deadline - clock.Elapsed;
            var hard = RosterModel.Build(problem, variants, soft: false, group, hint);
            hard.Model.Minimize(hard.Cost);
            var outcome = PhaseRunner.Run(hard.Model, hard.Variables, "cost", name, 100.0, hardBudget, options, progress, clock, cancellationToken);
            phases.Add(outcome.Report);
            if (outcome.Values is not null)
            {
                return new GroupResult(outcome.Status, outcome.Values, false, outcome.Report.Gap);
            }

            var fallBack = outcome.Status == ScheduleStatus.Infeasible || (capped && !cancellationToken.IsCancellationRequested);
            if (options.Mode == CoverageMode.Hard || !fallBack)
            {
                return new GroupResult(outcome.Status, null, false, double.NaN);
            }
        }

        var soft = RosterModel.Build(problem, variants, soft: true, group, hint);
        soft.Model.Minimize(soft.Shortfall!);

        // Half the group's remaining time for the shortfall; the cost phase gets whatever is left.
        // (A cost tie-breaker in this objective, shortfall × (cost bound + 1) + cost, was tried:
        // exact, but on a 7-day, 3-tier test week it left the capped tier 1,280 agent-intervals
        // short where the plain objective reached 27 in the same time.)
        var shortfallDivisor = (double)RosterModel.WeightScale * problem.Grid.IntervalMinutes;
        var first = PhaseRunner.Run(
            soft.Model, soft.Variables, "shortfall", name, shortfallDivisor, (deadline - clock.Elapsed) / 2, options, progress, clock, cancellationToken);
        phases.Add(first.Report);
        if (first.Values is null)
        {
            return new GroupResult(first.Status, null, true, double.NaN);
        }

        var shortfallOnly = (long)Math.Round(first.Objective);
        soft.Model.Add(soft.Shortfall! <= shortfallOnly);
        soft.Model.Minimize(soft.Cost); // replaces the shortfall objective
        soft.Model.ClearHints();
        for (var i = 0; i < soft.Variables.Count; i++)
        {
            soft.Model.AddHint(soft.Variables[i], first.Values[i]);
        }

        var second = PhaseRunner.Run(
            soft.Model, soft.Variables, "cost", name, 100.0, deadline - clock.Elapsed, options, progress, clock, cancellationToken);
        phases.Add(second.Report);
        var values = (second.Values ?? first.Values).Take(soft.HeadCountVariables).ToArray();
        var status = first.Status == ScheduleStatus.Optimal && second.Status == ScheduleStatus.Optimal
            ? ScheduleStatus.Optimal
            : ScheduleStatus.Feasible;
        return new GroupResult(status, values, true, second.Values is null ? double.NaN : second.Report.Gap);
    }

    /// <summary>Head count per variant from a roster: lines matched by template, start, length and break placement; 0 elsewhere.</summary>
    private static long[] HintValues(ShiftProblem problem, List<ShiftVariant> variants, ShiftSchedule hint)
    {
        static string Key(string template, long start, long length, IEnumerable<(long Offset, long Length)> breaks) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{template}|{start}|{length}|{string.Join(",", breaks.Select(b => $"{b.Offset}+{b.Length}"))}");

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in hint.Roster)
        {
            var key = Key(line.Template, (long)(line.Start - problem.Grid.Start).TotalMinutes, (long)(line.End - line.Start).TotalMinutes,
                line.Breaks.Select(b => ((long)b.After.TotalMinutes, (long)b.Length.TotalMinutes)));
            counts[key] = counts.GetValueOrDefault(key) + line.HeadCount;
        }

        return [.. variants.Select(v => counts.GetValueOrDefault(Key(problem.Templates[v.Template].Name, v.StartMinute, v.LengthMinutes, v.Breaks.Select(b => ((long)b.Offset, (long)b.Length)))))];
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
