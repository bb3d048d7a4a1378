using Scalar.AspNetCore;
using SupportQueue.Json;

namespace SupportQueue.Silo.Api;

/// <summary>
/// The silo's REST API: services and routes. Endpoints live in one class per resource under
/// silo/Api; cross-cutting parts (keys and roles, rate limits, metrics and health, the wallboard)
/// are meant to slot in beside them as silo/Security, silo/Observability and silo/Wallboard.
/// </summary>
public static class SupportQueueApi
{
    /// <summary>The OpenAPI document's name: served at /openapi/v1.json.</summary>
    public const string DocumentName = "v1";

    public static WebApplicationBuilder AddSupportQueueApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ConfigureHttpJsonOptions(o => SupportQueueJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.NameRoutingRefusal);
        builder.Services.AddSingleton<AssignmentSignals>();
        builder.Services.AddSingleton<SupportQueue.Grains.IAssignmentObserver>(sp => sp.GetRequiredService<AssignmentSignals>());
        builder.Services.AddOpenApi(DocumentName, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SupportQueue";
            document.Info.Description = "Live ticket routing: desks, agents, tickets. Every 4xx is an RFC 9457 problem naming the field and the value.";
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, _, _) =>
        {
            // Typed problem results document themselves as application/json; they are sent as problem+json.
            foreach (var (code, response) in operation.Responses ?? [])
            {
                if (code[0] is '4' or '5' && response.Content is { } content && content.Remove("application/json", out var media))
                {
                    content["application/problem+json"] = media;
                }
            }

            return Task.CompletedTask;
        }));

        // A backstop for bodies sent without a length; the API's own limit is lower (InputChecks.MaxBodyBytes).
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    public static WebApplication MapSupportQueueApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) => ApiErrorMiddleware.InvokeAsync(context, () => next(context)));
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference("/scalar");
        DeskEndpoints.Map(app);
        TicketEndpoints.Map(app);
        AgentEndpoints.Map(app);
        AssignmentEndpoints.Map(app);
        ExportEndpoints.Map(app);
        return app;
    }
}
