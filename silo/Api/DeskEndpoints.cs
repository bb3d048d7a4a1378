using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Json;

namespace SupportQueue.Silo.Api;

/// <summary>/desks: list, read, configure, live status, cumulative statistics, agents and waiting tickets per tier.</summary>
/// <remarks>
/// Desk settings travel in the settings file format itself (the one dialect shared with
/// <c>desk configure</c> and scenario files), so a file that works on the CLI works here unchanged.
/// </remarks>
internal static class DeskEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/desks").ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithTags("Desks");
        group.MapGet("/", List).WithName("ListDesks").WithSummary("The configured desks' ids, paged (offset, limit ≤ 500)");
        group.MapGet("/{deskId}", Get).WithName("GetDesk").WithSummary("A desk at a glance: tiers, open tickets, agents");
        group.MapPut("/{deskId}", Configure).WithName("ConfigureDesk").ProducesProblem(StatusCodes.Status413PayloadTooLarge).Accepts<DeskSettings>("application/json")
            .WithSummary("Create a desk or replace its settings")
            .WithDescription("The body is a desk settings file (see client/scenarios/desk-default.json). Invalid settings are refused and change nothing.");
        group.MapGet("/{deskId}/settings", Settings).WithName("GetDeskSettings").WithSummary("The desk's settings, as a settings file");
        group.MapGet("/{deskId}/status", Status).WithName("GetDeskStatus").WithSummary("Real-time counters: per tier, SLA per priority, totals");
        group.MapGet("/{deskId}/statistics", Statistics).WithName("GetDeskStatistics")
            .WithSummary("Cumulative statistics, today and the last hour: offered, answered, abandoned, service level, ASA, per tier and priority");
        group.MapGet("/{deskId}/agents", Agents).WithName("ListDeskAgents").WithSummary("The desk's agents with presence and load, paged");
        group.MapGet("/{deskId}/tiers/{tier}/waiting", Waiting).WithName("ListWaitingTickets").WithSummary("A tier's waiting tickets in queue order (priority, then age), paged");
    }

    private static async Task<Results<Ok<PageResponse<string>>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> List(
        string? offset, string? limit, IGrainFactory grains)
    {
        if (InputChecks.Page(offset, limit, out var skip, out var take) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("desks", null, async () =>
        {
            var page = await grains.DeskRegistry().List(skip, take);
            return TypedResults.Ok(new PageResponse<string>(page.DeskIds, skip, take, page.Total));
        });
    }

    private static async Task<Results<Ok<DeskResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Get(string deskId, IGrainFactory grains)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("deskId", deskId, async () =>
        {
            var desk = grains.Desk(deskId);
            var settings = await desk.GetSettings();
            var status = await desk.GetStatus();
            var agents = await desk.GetAgents();
            return TypedResults.Ok(new DeskResponse(deskId, [.. settings.Tiers.Select(t => t.Name)], status.Open, agents.Length, status.Submitted));
        });
    }

    private static async Task<Results<Ok<DeskSettings>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Configure(
        string deskId, HttpRequest request, IGrainFactory grains)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        var (body, problem) = await JsonBody.ReadAsync<DeskSettings>(request);
        if (problem is not null)
        {
            return problem;
        }

        var validated = DeskSettingsJson.Validated(body!);
        if (!validated.IsValid)
        {
            return Problems.Settings(validated.Errors);
        }

        return await Refusals.Run("deskId", deskId, async () =>
        {
            var desk = grains.Desk(deskId);
            await desk.Configure(validated.Value!);
            return TypedResults.Ok(await desk.GetSettings());
        });
    }

    private static async Task<Results<Ok<DeskSettings>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Settings(string deskId, IGrainFactory grains)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("deskId", deskId, async () => TypedResults.Ok(await grains.Desk(deskId).GetSettings()));
    }

    private static async Task<Results<Ok<DeskStatusResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Status(string deskId, IGrainFactory grains)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("deskId", deskId, async () => TypedResults.Ok((await grains.Desk(deskId).GetStatus()).ToResponse()));
    }

    private static async Task<Results<Ok<DeskStatisticsResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Statistics(string deskId, IGrainFactory grains)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("deskId", deskId, async () => TypedResults.Ok((await grains.Desk(deskId).GetStatistics()).ToResponse(deskId)));
    }

    private static async Task<Results<Ok<PageResponse<DeskAgentResponse>>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Agents(
        string deskId, string? offset, string? limit, IGrainFactory grains)
    {
        var paging = InputChecks.Page(offset, limit, out var skip, out var take);
        if ((InputChecks.Id("deskId", deskId) ?? paging) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("deskId", deskId, async () =>
        {
            var agents = await grains.Desk(deskId).GetAgents();
            return TypedResults.Ok(new PageResponse<DeskAgentResponse>([.. agents.Skip(skip).Take(take).Select(a => a.ToResponse())], skip, take, agents.Length));
        });
    }

    private static async Task<Results<Ok<PageResponse<WaitingTicketResponse>>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Waiting(
        string deskId, string tier, string? offset, string? limit, IGrainFactory grains)
    {
        var paging = InputChecks.Page(offset, limit, out var skip, out var take);
        if ((InputChecks.Id("deskId", deskId) ?? InputChecks.Id("tier", tier) ?? paging) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("deskId", deskId, async () =>
        {
            var page = await grains.Desk(deskId).GetWaiting(tier, skip, take);
            return TypedResults.Ok(new PageResponse<WaitingTicketResponse>([.. page.Tickets.Select(t => t.ToResponse())], skip, take, page.Total));
        });
    }
}
