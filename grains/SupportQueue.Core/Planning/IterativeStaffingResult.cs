using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// What the iterative staffing loop found, all [tier][interval]: the stationary Erlang C/A
/// requirement (the baseline, sized from the load the scenario's own roster saw), the simulated
/// requirement, and each interval's service level at the simulated requirement (same seeds as the
/// loop). <see cref="Settled"/> marks intervals the search has finished with (see
/// <see cref="IterativeStaffing"/>); <see cref="Erlang"/> is 0 and <see cref="Required"/> is 0 where
/// nothing arrived. <see cref="Converged"/>: every loaded interval settled, or the last round moved
/// nothing; otherwise the cap stopped it with <see cref="Unsettled"/> intervals still moving.
/// </summary>
public sealed record IterativeStaffingResult(
    ImmutableArray<string> Tiers,
    ImmutableArray<TierTarget> Targets,
    int[][] Erlang,
    int[][] Required,
    IntervalServiceLevel[][] ServiceLevel,
    bool[][] Settled,
    IReadOnlyList<IsaIteration> Iterations,
    bool Converged,
    int FirstCountedInterval,
    int Unsettled = 0,
    string StopReason = "");
