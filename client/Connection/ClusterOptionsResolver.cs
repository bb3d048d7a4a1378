using Microsoft.Extensions.Configuration;
using SupportQueue.Client.Cli;
using SupportQueue.Hosting;

namespace SupportQueue.Client.Connection;

/// <summary>Combines configuration (appsettings.json, SupportQueue__* variables) with command-line overrides.</summary>
public static class ClusterOptionsResolver
{
    /// <summary>appsettings.json next to the executable, then in the working directory, then the environment.</summary>
    public static IConfiguration LoadConfiguration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>Whether configuration (appsettings.json, SupportQueue__* variables) says anything about the cluster.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SupportQueueOptions.SectionName).GetChildren().Any();
    }

    /// <summary>The options to connect with; throws <see cref="ClusterSettingsException"/> listing every problem.</summary>
    public static SupportQueueOptions Resolve(IConfiguration configuration, ClusterCommandSettings settings)
    {
        var options = new SupportQueueOptions();
        try
        {
            configuration.GetSection(SupportQueueOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            throw new ClusterSettingsException([ex.InnerException?.Message ?? ex.Message]);
        }

        if (settings.Cluster is { } cluster)
        {
            options.Storage = cluster.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? StorageKind.PostgreSQL : StorageKind.Memory;
        }

        if (settings.GatewayPort is { } gateway)
        {
            options.GatewayPort = gateway;
        }

        if (settings.ConnectionString is { } connectionString)
        {
            options.ConnectionString = connectionString;
        }

        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ClusterSettingsException(errors);
        }

        return options;
    }

    /// <summary>
    /// Settings for a private in-process silo: memory storage and ports nobody is using, under
    /// its own cluster id so it can never join (or be joined by) a running cluster.
    /// </summary>
    public static SupportQueueOptions ForEmbeddedSilo(SupportQueueOptions configured)
    {
        var (siloPort, gatewayPort) = Grains.LoopbackPorts.ForSilo();
        return new SupportQueueOptions
        {
            Storage = StorageKind.Memory,
            ServiceId = configured.ServiceId,
            ClusterId = $"{configured.ClusterId}-embedded-{Environment.ProcessId}",
            SiloPort = siloPort,
            GatewayPort = gatewayPort,
            PrimarySiloPort = siloPort,
        };
    }

    public static string Describe(SupportQueueOptions options) => options.Storage == StorageKind.PostgreSQL
        ? $"the PostgreSQL membership table (cluster '{options.ClusterId}')"
        : $"localhost:{options.GatewayPort}";
}
