using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using SupportQueue.Grains;
using SupportQueue.Hosting;

namespace SupportQueue.Silo.Observability;

/// <summary>Metrics on /metrics (Prometheus text), liveness and readiness probes.</summary>
public static class Observability
{
    /// <summary>Health checks that must pass before the silo takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the OpenTelemetry meter provider (our meter and Orleans') and the health checks.</summary>
    public static WebApplicationBuilder AddSupportQueueObservability(this WebApplicationBuilder builder, SupportQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SupportQueueMetrics.MeterName, "Microsoft.Orleans")
            .AddPrometheusExporter());

        var checks = builder.Services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>("cluster-membership", tags: [ReadyTag]);
        if (options.Storage == StorageKind.PostgreSQL)
        {
            builder.Services.AddSingleton(new PostgresHealthCheck(options.ConnectionString!));
            checks.AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag]);
        }

        return builder;
    }

    /// <summary>Maps /metrics, /health/live (the process answers) and /health/ready (database and membership).</summary>
    public static WebApplication MapSupportQueueObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
