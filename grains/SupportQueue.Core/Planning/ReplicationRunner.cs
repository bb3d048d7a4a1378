using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// Runs replications 0 … <c>scenario.Replications</c> − 1 of <paramref name="scenario"/> with its
/// seed and returns them in replication order; <paramref name="staffing"/> (null: none) is the
/// per-group on-duty override (<see cref="SimulationOptions.StaffingOverride"/>). It must be
/// deterministic: the same scenario and staffing give the same results, wherever the replications
/// run (in process, or spread over a cluster by the caller).
/// </summary>
public delegate IReadOnlyList<ReplicationResult> ReplicationRunner(
    Scenario scenario, ImmutableDictionary<string, ImmutableArray<int>>? staffing);
