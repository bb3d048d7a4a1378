using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportQueue.Silo.Observability;

/// <summary>Ready when the cluster's membership view lists this silo as active.</summary>
public sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object> { ["silo"] = silo.SiloAddress.ToString(), ["status"] = status.ToString(), ["activeSilos"] = active };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active; {active} active silo(s)", data)
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status} in the membership table", data: data));
    }
}
