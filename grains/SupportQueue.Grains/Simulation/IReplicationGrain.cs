using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

/// <summary>
/// Runs one fast-mode replication (key: run id + replication). Replications are separate grains
/// so the cluster spreads them over its silos.
/// </summary>
[Alias("SupportQueue.Grains.Simulation.IReplicationGrain")]
public interface IReplicationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs replication <paramref name="replication"/> of <paramref name="scenario"/> to its horizon,
    /// telling <paramref name="progress"/> (when given) each time another hundredth of it is done.
    /// </summary>
    /// <remarks>Cancelling <paramref name="cancellationToken"/> reaches the event loop, which stops within a few hundred events.</remarks>
    [ResponseTimeout("01:00:00")]
    [Alias("Run")]
    Task<ReplicationResult> Run(Scenario scenario, int replication, IReplicationProgress? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="Run"/>, with the listed roster groups' agents on duty per interval given by
    /// <paramref name="staffing"/> (<see cref="SimulationOptions.StaffingOverride"/>): the planner's runs.
    /// </summary>
    [ResponseTimeout("01:00:00")]
    [Alias("RunStaffed")]
    Task<ReplicationResult> RunStaffed(Scenario scenario, int replication, ImmutableDictionary<string, ImmutableArray<int>>? staffing, CancellationToken cancellationToken = default);
}
