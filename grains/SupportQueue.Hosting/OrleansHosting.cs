using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace SupportQueue.Hosting;

/// <summary>One place that turns <see cref="SupportQueueOptions"/> into silo and client configuration.</summary>
public static class OrleansHosting
{
    /// <summary>Configures clustering, grain storage and reminders for a SupportQueue silo.</summary>
    public static ISiloBuilder UseSupportQueue(this ISiloBuilder silo, SupportQueueOptions options)
    {
        ThrowIfInvalid(options);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        if (options.Storage == StorageKind.PostgreSQL)
        {
            PostgresHosting.Configure(silo, options);
        }
        else
        {
            silo.UseLocalhostClustering(
                siloPort: options.SiloPort,
                gatewayPort: options.GatewayPort,
                primarySiloEndpoint: new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, options.PrimaryPort),
                serviceId: options.ServiceId,
                clusterId: options.ClusterId);
            SupportQueue.Grains.SupportQueueStorage.AddSupportQueueMemoryStorage(silo);
            silo.UseInMemoryReminderService();
        }

        // With durable storage, open tickets keep a reminder so a restarted desk gets them back.
        silo.Services.Configure<SupportQueue.Grains.SupportQueueGrainOptions>(o =>
        {
            o.DurableTickets = options.Storage == StorageKind.PostgreSQL;
            if (options.ReconcilePeriod is { } period)
            {
                o.ReconcilePeriod = period;
            }
        });
        if (options.MinimumReminderPeriod is { } floor)
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = floor);
        }

        if (options.ProbeTimeout is not null || options.MissedProbesLimit is not null)
        {
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = options.ProbeTimeout ?? o.ProbeTimeout;
                o.NumMissedProbesLimit = options.MissedProbesLimit ?? o.NumMissedProbesLimit;
            });
        }

        if (options.DeskDiagnostics)
        {
            SupportQueue.Grains.DeskDiagnosticsSiloBuilderExtensions.AddDeskDiagnostics(silo);
        }

        // Resolved tickets are done: do not keep them resident for the default 15 minutes.
        silo.Services.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(2));
        return silo;
    }

    /// <summary>Configures how a client finds the cluster's gateways.</summary>
    public static IClientBuilder UseSupportQueue(this IClientBuilder client, SupportQueueOptions options)
    {
        ThrowIfInvalid(options);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        if (options.Storage == StorageKind.PostgreSQL)
        {
            PostgresHosting.Configure(client, options);
        }
        else
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }

        return client;
    }

    private static void ThrowIfInvalid(SupportQueueOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid SupportQueue settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }
}
