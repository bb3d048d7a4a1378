using System.Diagnostics;
using Google.OrTools.Sat;

namespace SupportQueue.Scheduling;

/// <summary>
/// Forwards each improving solution CP-SAT finds, in the phase's own unit. Called on the solver's
/// threads, so the receiver must be thread-safe.
/// </summary>
internal sealed class ProgressCallback(string phase, string group, double divisor, IProgress<SolverProgress>? progress, Stopwatch clock)
    : CpSolverSolutionCallback
{
    public override void OnSolutionCallback()
    {
        if (progress is null)
        {
            return;
        }

        var objective = ObjectiveValue();
        var bound = BestObjectiveBound();
        progress.Report(new SolverProgress(phase, objective / divisor, bound / divisor, PhaseRunner.Gap(objective, bound), clock.Elapsed, group));
    }
}
