using SupportQueue.Hosting;
using SupportQueue.Silo.Api;
using SupportQueue.Silo.Dashboard;
using SupportQueue.Silo.Observability;
using SupportQueue.Silo.Security;

namespace SupportQueue.Silo;

/// <summary>
/// The silo's composition: Orleans plus the web pipeline (API, keys and rate limits, metrics and
/// health, live views), in the order Program.cs runs them. The load tests host the same pipeline
/// through these two calls, so what they measure is what the silo runs.
/// </summary>
public static class SiloWebApp
{
    /// <summary>Adds the silo (configured from <paramref name="options"/>, then <paramref name="configureSilo"/>) and the web pipeline's services.</summary>
    public static WebApplicationBuilder AddSupportQueueSilo(
        this WebApplicationBuilder builder, SupportQueueOptions options, SiloWebParts parts = SiloWebParts.All, Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.UseOrleans(silo =>
        {
            silo.UseSupportQueue(options);
            if (parts.HasFlag(SiloWebParts.LiveViews))
            {
                silo.AddSupportQueueLiveViews(builder.Configuration);
            }

            configureSilo?.Invoke(silo);
        });
        builder.AddSupportQueueApi();
        if (parts.HasFlag(SiloWebParts.Observability))
        {
            builder.AddSupportQueueObservability(options);
        }

        if (parts.HasFlag(SiloWebParts.Security))
        {
            builder.AddSupportQueueSecurity(options);
        }

        return builder;
    }

    /// <summary>Maps the routes and adds the middleware; returns the API routes that have no access rule (the silo refuses to start with any).</summary>
    public static async Task<IReadOnlyList<string>> MapSupportQueueSiloAsync(this WebApplication app, SupportQueueOptions options, SiloWebParts parts = SiloWebParts.All)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (parts.HasFlag(SiloWebParts.Observability))
        {
            app.MapSupportQueueObservability();
        }

        app.MapSupportQueueApi();
        if (parts.HasFlag(SiloWebParts.LiveViews))
        {
            app.MapSupportQueueLiveViews();
        }

        if (!parts.HasFlag(SiloWebParts.Security))
        {
            return [];
        }

        await app.UseSupportQueueSecurityAsync(options);
        return SecurityPipeline.UnclassifiedRoutes(app);
    }
}
