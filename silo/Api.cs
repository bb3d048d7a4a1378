using SupportQueue.Core.Model;
using SupportQueue.Grains;

namespace SupportQueue.Silo;

/// <summary>A small REST surface over the grains, for integrations that do not speak Orleans.</summary>
internal static class Api
{
    public static void MapSupportQueueApi(this WebApplication app)
    {
        app.MapPut("/desks/{deskId}", async (string deskId, DeskSettings settings, IGrainFactory grains) =>
        {
            await grains.Desk(deskId).Configure(settings);
            return Results.NoContent();
        });
        app.MapGet("/desks/{deskId}/status", (string deskId, IGrainFactory grains) =>
            grains.Desk(deskId).GetStatus());
        app.MapPost("/tickets", (TicketSpec spec, IGrainFactory grains) =>
            grains.Ticket(spec.TicketId ?? "").Submit(spec));
        app.MapGet("/tickets/{ticketId}", (string ticketId, IGrainFactory grains) =>
            grains.Ticket(ticketId).Get());
        app.MapPut("/agents/{agentId}", (string agentId, AgentSpec spec, IGrainFactory grains) =>
            grains.Agent(agentId).Register(spec with { AgentId = agentId }));
        app.MapPut("/agents/{agentId}/presence/{presence}", async (string agentId, Presence presence, IGrainFactory grains) =>
        {
            await grains.Agent(agentId).SetPresence(presence);
            return Results.NoContent();
        });
        app.MapPost("/agents/{agentId}/tickets/{ticketId}/resolve", async (string agentId, string ticketId, IGrainFactory grains) =>
        {
            await grains.Agent(agentId).Resolve(ticketId);
            return Results.NoContent();
        });
        app.MapPost("/agents/{agentId}/tickets/{ticketId}/escalate", (string agentId, string ticketId, EscalationRequest request, IGrainFactory grains) =>
            grains.Agent(agentId).Escalate(ticketId, request.Reason, request.ToTier));

        // Refusals name the field and the value; they map to 4xx, never 500.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SupportQueueException ex)
            {
                context.Response.StatusCode = ex.Code switch
                {
                    RefusalCode.UnknownDesk or RefusalCode.UnknownAgent or RefusalCode.UnknownTicket => StatusCodes.Status404NotFound,
                    RefusalCode.DuplicateTicket or RefusalCode.DuplicateAgent or RefusalCode.InvalidTransition or RefusalCode.NotYourTicket => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status400BadRequest,
                };
                await context.Response.WriteAsJsonAsync(new { error = ex.Code.ToString(), message = ex.Message });
            }
            catch (Exception ex) when (Unavailable(ex) && !context.Response.HasStarted)
            {
                // A dependency (the database, a silo going away) failed: nothing was done, try again shortly.
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                await context.Response.WriteAsJsonAsync(new { error = "Unavailable", message = ex.Message });
            }
        });
    }

    private static bool Unavailable(Exception ex) =>
        ex is StorageUnavailableException or TimeoutException or OrleansMessageRejectionException or SiloUnavailableException;
}
