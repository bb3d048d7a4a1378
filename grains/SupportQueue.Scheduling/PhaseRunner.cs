using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace SupportQueue.Scheduling;

/// <summary>Runs CP-SAT once on a model with the caller's budget, seed and worker count; reports progress.</summary>
internal static class PhaseRunner
{
    public sealed record Outcome(ScheduleStatus Status, long[]? Values, double Objective, double Bound, SolvePhase Report);

    /// <summary>Relative gap as CP-SAT defines it: |objective − bound| / max(1, |objective|).</summary>
    public static double Gap(double objective, double bound) =>
        Math.Abs(objective - bound) / Math.Max(1.0, Math.Abs(objective));

    public static Outcome Run(
        CpModel model,
        IReadOnlyList<IntVar> variables,
        string phase,
        string group,
        double divisor,
        TimeSpan budget,
        SolverOptions options,
        IProgress<SolverProgress>? progress,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var started = clock.Elapsed;
        if (budget <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return new Outcome(ScheduleStatus.NoSolution, null, double.NaN, double.NaN,
                new SolvePhase(phase, ScheduleStatus.NoSolution, double.NaN, double.NaN, double.NaN, TimeSpan.Zero, group));
        }

        using var solver = new CpSolver { StringParameters = Parameters(options, budget) };
        using var callback = new ProgressCallback(phase, group, divisor, progress, clock);
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model, callback);
        }

        var wall = clock.Elapsed - started;
        var mapped = status switch
        {
            CpSolverStatus.Optimal => ScheduleStatus.Optimal,
            CpSolverStatus.Feasible => ScheduleStatus.Feasible,
            CpSolverStatus.Infeasible => ScheduleStatus.Infeasible,
            CpSolverStatus.Unknown => ScheduleStatus.NoSolution,

            // The model is built here, so an invalid one is our bug, not the caller's input.
            _ => throw new InvalidOperationException($"CP-SAT rejected the model ({status}): {model.Validate()}"),
        };

        if (mapped is not (ScheduleStatus.Optimal or ScheduleStatus.Feasible))
        {
            return new Outcome(mapped, null, double.NaN, double.NaN, new SolvePhase(phase, mapped, double.NaN, double.NaN, double.NaN, wall, group));
        }

        var values = new long[variables.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = solver.Value(variables[i]);
        }

        var objective = solver.ObjectiveValue;
        var bound = solver.BestObjectiveBound;
        var gap = Gap(objective, bound);
        var report = new SolvePhase(phase, mapped, objective / divisor, bound / divisor, gap, wall, group);
        return new Outcome(mapped, values, objective, bound, report);
    }

    private static string Parameters(SolverOptions options, TimeSpan budget)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = string.Create(invariant,
            $"num_workers:{options.Workers} random_seed:{options.Seed} max_time_in_seconds:{budget.TotalSeconds:R} relative_gap_limit:{options.RelativeGapLimit:R}");
        if (options.Deterministic && options.Workers > 1)
        {
            // Workers run in fixed batches and share results only at batch ends: the same search
            // for the same seed and worker count, whatever the thread timing. One task per worker
            // per batch: the default batch was 10–25× slower on the week test problem.
            text += string.Create(invariant, $" interleave_search:true interleave_batch_size:{options.Workers}");
        }

        if (options.DeterministicTimeLimit is { } dtime)
        {
            text += string.Create(invariant, $" max_deterministic_time:{dtime:R}");
        }

        return text;
    }
}
