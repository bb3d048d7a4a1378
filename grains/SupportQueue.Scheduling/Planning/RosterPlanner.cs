using SupportQueue.Core.Planning;

namespace SupportQueue.Scheduling.Planning;

/// <summary>
/// The plan pipeline of issue 13: baseline run → stationary Erlang requirement (kept as the
/// baseline) → requirement by simulation (iterative staffing) → shrinkage gross-up → CP-SAT roster
/// → verification with fresh seeds, raising missed intervals and solving again for a bounded number
/// of rounds. The Erlang requirement is solved by the same solver for the cost comparison.
/// </summary>
public static class RosterPlanner
{
    /// <summary>Plans <paramref name="request"/>; replications run through <paramref name="simulate"/>.</summary>
    /// <exception cref="SupportQueue.Core.Model.SupportQueueException">Bad scenario or scheduling section
    /// (every field at fault named); thrown before any simulation.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static PlanResult Plan(
        PlanRequest request,
        ReplicationRunner simulate,
        IProgress<PlanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(simulate);
        throw new NotImplementedException("the plan pipeline is being built (issue 13)");
    }
}
