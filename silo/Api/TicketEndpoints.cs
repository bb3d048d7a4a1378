using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Grains;

namespace SupportQueue.Silo.Api;

/// <summary>/tickets: submit (idempotent under the ticket's id), read, abandon, cancel, reopen.</summary>
internal static class TicketEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tickets").ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithTags("Tickets");
        group.MapPost("/", Submit).WithName("SubmitTicket").ProducesProblem(StatusCodes.Status413PayloadTooLarge).Accepts<TicketRequest>("application/json")
            .WithSummary("Submit a ticket")
            .WithDescription("Queues the ticket on its desk and answers once it is stored. Re-sending the same body under the same ticketId (a retry after a lost reply) answers the stored ticket again; a different body under a used id is 409.");
        group.MapGet("/{ticketId}", Get).WithName("GetTicket").WithSummary("A ticket with its history and SLA verdicts");
        group.MapPost("/{ticketId}/abandon", Abandon).WithName("AbandonTicket").ProducesProblem(StatusCodes.Status413PayloadTooLarge).Accepts<ReasonRequest>(true, "application/json")
            .WithSummary("The customer left the queue (only a waiting ticket)");
        group.MapPost("/{ticketId}/cancel", Cancel).WithName("CancelTicket").ProducesProblem(StatusCodes.Status413PayloadTooLarge).Accepts<ReasonRequest>(true, "application/json")
            .WithSummary("The submitter withdraws a waiting ticket");
        group.MapPost("/{ticketId}/reopen", Reopen).WithName("ReopenTicket").ProducesProblem(StatusCodes.Status413PayloadTooLarge).Accepts<ReasonRequest>(true, "application/json")
            .WithSummary("A resolved ticket comes back and is queued again");
    }

    private static async Task<Results<Created<TicketResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Submit(
        HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<TicketRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (Check(body!) is { } bad)
        {
            return bad;
        }

        var spec = body!.ToSpec();
        return await Refusals.Run("$.ticketId", spec.TicketId, async () =>
        {
            var ticket = await grains.Ticket(spec.TicketId).Submit(spec);
            return TypedResults.Created($"/tickets/{Uri.EscapeDataString(ticket.Id)}", ticket.ToResponse(clock.GetUtcNow()));
        });
    }

    private static BadRequest<ProblemDetails>? Check(TicketRequest body)
    {
        if ((InputChecks.PathId("$.ticketId", body.TicketId) ?? InputChecks.Id("$.deskId", body.DeskId)) is { } bad)
        {
            return bad;
        }

        if (body.Priority is null)
        {
            return Problems.Invalid("$.priority", null, "required; one of P1, P2, P3, P4");
        }

        var skills = body.Skills ?? [];
        for (var i = 0; i < skills.Length; i++)
        {
            if (InputChecks.Name($"$.skills[{i}]", skills[i]) is { } badSkill)
            {
                return badSkill;
            }
        }

        return (body.EntryTier is null ? null : InputChecks.Id("$.entryTier", body.EntryTier))
            ?? InputChecks.Text("$.subject", body.Subject);
    }

    private static async Task<Results<Ok<TicketResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Get(
        string ticketId, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
    {
        if (InputChecks.Id("ticketId", ticketId) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("ticketId", ticketId, async () => TypedResults.Ok((await grains.Ticket(ticketId).Get()).ToResponse(clock.GetUtcNow())));
    }

    private static Task<Results<Ok<TicketResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Abandon(
        string ticketId, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) =>
        Withdraw(ticketId, request, grains, clock, "customer left the queue");

    private static Task<Results<Ok<TicketResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Cancel(
        string ticketId, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) =>
        Withdraw(ticketId, request, grains, clock, "cancelled by the submitter");

    private static async Task<Results<Ok<TicketResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Withdraw(
        string ticketId, HttpRequest request, IGrainFactory grains, TimeProvider clock, string defaultReason)
    {
        var (reason, problem) = await ReasonAsync(ticketId, request);
        if (problem is not null)
        {
            return problem;
        }

        return await Refusals.Run("ticketId", ticketId, async () =>
        {
            var ticket = grains.Ticket(ticketId);
            await ticket.Abandon(reason ?? defaultReason);
            return TypedResults.Ok((await ticket.Get()).ToResponse(clock.GetUtcNow()));
        });
    }

    private static async Task<Results<Ok<TicketResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Reopen(
        string ticketId, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
    {
        var (reason, problem) = await ReasonAsync(ticketId, request);
        if (problem is not null)
        {
            return problem;
        }

        return await Refusals.Run("ticketId", ticketId, async () => TypedResults.Ok((await grains.Ticket(ticketId).Reopen(reason ?? "reopened")).ToResponse(clock.GetUtcNow())));
    }

    private static async Task<(string? Reason, BadRequest<ProblemDetails>? Problem)> ReasonAsync(string ticketId, HttpRequest request)
    {
        if (InputChecks.Id("ticketId", ticketId) is { } bad)
        {
            return (null, bad);
        }

        var (body, problem) = await JsonBody.ReadAsync(request, new ReasonRequest());
        if (problem is not null)
        {
            return (null, problem);
        }

        return InputChecks.Text("$.reason", body!.Reason) is { } badReason ? (null, badReason) : (body.Reason, null);
    }
}
