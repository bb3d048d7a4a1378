using Orleans.Dashboard;
using SupportQueue.Silo.Wallboard;

namespace SupportQueue.Silo.Dashboard;

/// <summary>
/// The live views a person watches: the desk wallboard (/wallboard/{deskId}) and the Orleans
/// Dashboard (/dashboard). Both sit behind the API's keys: the dashboard spans the cluster, so it
/// takes a cluster admin key (<see cref="Security.ApiOperation.Dashboard"/>).
/// </summary>
public static class LiveViews
{
    /// <summary>Where the Orleans Dashboard is served.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>Whether the Orleans Dashboard is on (<c>SupportQueue:Dashboard:Enabled</c>, default true).</summary>
    public static bool DashboardEnabled(IConfiguration configuration) => Options(configuration).Enabled;

    /// <summary>
    /// The silo side of the live views: the dashboard's grains when it is on, and its grain call
    /// profiler unless <c>SupportQueue:Dashboard:Profiler</c> is false.
    /// </summary>
    public static ISiloBuilder AddSupportQueueLiveViews(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = Options(configuration);
        if (options.Enabled)
        {
            silo.AddDashboard();
            if (!options.Profiler)
            {
                // The package registers its profiler as an incoming grain call filter with no switch of
                // its own; matched by assembly, so a renamed filter is still found.
                var dashboard = typeof(DashboardOptions).Assembly;
                var profilers = silo.Services.Where(d => d.ServiceType == typeof(IIncomingGrainCallFilter) && d.ImplementationType?.Assembly == dashboard).ToList();
                foreach (var profiler in profilers)
                {
                    silo.Services.Remove(profiler);
                }
            }
        }

        return silo;
    }

    /// <summary>Maps the wallboard and, when on, the Orleans Dashboard.</summary>
    public static WebApplication MapSupportQueueLiveViews(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        WallboardEndpoints.Map(app);
        if (DashboardEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: DashboardPath).ExcludeFromDescription();
        }

        return app;
    }

    private static LiveDashboardOptions Options(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(LiveDashboardOptions.SectionName).Get<LiveDashboardOptions>() ?? new LiveDashboardOptions();
    }
}
