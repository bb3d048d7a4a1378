using System.Globalization;
using System.Threading.RateLimiting;
using SupportQueue.Hosting;
using SupportQueue.Silo.Api;

namespace SupportQueue.Silo.Security;

/// <summary>Keys, roles and per-key rate limits, slotted into the silo's pipeline.</summary>
public static class SecurityPipeline
{
    /// <summary>Whether keys are required: the setting, else on with PostgreSQL and off in memory mode.</summary>
    public static bool IsEnabled(SecurityOptions security, SupportQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(options);
        return security.Enabled ?? options.Storage == StorageKind.PostgreSQL;
    }

    public static IApiKeyStore CreateStore(SupportQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Storage == StorageKind.PostgreSQL ? new PostgresApiKeyStore(options.ConnectionString!) : new MemoryApiKeyStore();
    }

    public static WebApplicationBuilder AddSupportQueueSecurity(this WebApplicationBuilder builder, SupportQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var security = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(security);
        builder.Services.AddSingleton(CreateStore(options));
        builder.Services.AddSingleton(sp => new ApiKeyCache(sp.GetRequiredService<IApiKeyStore>(), security, TimeProvider.System));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (bool Keyed, string Id)>(context =>
            {
                // Per key; requests without one (public routes, open mode) share a bucket per client address.
                var partition = context.Items[ApiKeyMiddleware.ItemKey] is ApiKeyRecord key
                    ? (true, key.KeyId)
                    : (false, context.Connection.RemoteIpAddress?.ToString() ?? "");
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = security.Burst,
                    TokensPerPeriod = security.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                var problem = Problems.Create(
                    StatusCodes.Status429TooManyRequests,
                    "RateLimited",
                    null,
                    null,
                    $"this key may make {security.PermitsPerSecond} requests per second (bursts of {security.Burst}); retry after {retry} s");
                problem.Title = "Too many requests";
                return new ValueTask(Results.Problem(problem).ExecuteAsync(rejected.HttpContext));
            };
        });
        return builder;
    }

    /// <summary>Adds the key check and the rate limiter; with keys off, says so loudly.</summary>
    public static async Task UseSupportQueueSecurityAsync(this WebApplication app, SupportQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        var security = app.Services.GetRequiredService<SecurityOptions>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SupportQueue.Security");
        if (IsEnabled(security, options))
        {
            app.UseMiddleware<ApiKeyMiddleware>();
            if (options.Storage != StorageKind.PostgreSQL)
            {
                // Memory mode keeps keys in this process: the only way in is a key made now.
                var (id, key) = ApiKeys.Generate();
                await app.Services.GetRequiredService<IApiKeyStore>().AddAsync(
                    new ApiKeyRecord(id, ApiKeys.Hash(key), ApiKeyRecord.AllDesks, ApiRole.Admin, null, DateTimeOffset.UtcNow, null));
                SecurityLog.MemoryAdminKey(log, key);
            }
        }
        else
        {
            SecurityLog.Open(log);
        }

        app.UseRateLimiter();
    }

    /// <summary>API routes with no access rule: the silo refuses to start with any (they would be refused at run time).</summary>
    public static IReadOnlyList<string> UnclassifiedRoutes(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes.DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText ?? "")))
            .Where(r => !RouteOperations.IsPublic(RouteOperations.Normalize(r.Pattern)) && RouteOperations.Classify(r.Method, r.Pattern) is null)
            .Select(r => $"{r.Method} {r.Pattern}")
            .ToList();
    }
}
