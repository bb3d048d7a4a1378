using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Core.Model;
using SupportQueue.Grains;

namespace SupportQueue.Silo.Api;

/// <summary>/agents: register, read, presence, and the work an agent does on the tickets it holds.</summary>
internal static class AgentEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/agents").ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithTags("Agents");
        group.MapPut("/{agentId}", Register).WithName("RegisterAgent").ProducesProblem(StatusCodes.Status413PayloadTooLarge).Accepts<AgentRequest>("application/json")
            .WithSummary("Register an agent on a desk's tier, or update its tier, skills and capacity (new agents start Offline)");
        group.MapGet("/{agentId}", Get).WithName("GetAgent").WithSummary("An agent: presence, held tickets, counters");
        group.MapPut("/{agentId}/presence/{presence}", SetPresence).WithName("SetAgentPresence")
            .WithSummary("Available, Break or Offline (any case); held tickets stay held");
        group.MapPost("/{agentId}/tickets/{ticketId}/resolve", Resolve).WithName("ResolveTicket").WithSummary("The agent resolved a ticket it holds");
        group.MapPost("/{agentId}/tickets/{ticketId}/escalate", Escalate).WithName("EscalateTicket").ProducesProblem(StatusCodes.Status413PayloadTooLarge).Accepts<EscalateRequest>("application/json")
            .WithSummary("The agent moves a ticket it holds to a higher tier");
    }

    private static async Task<Results<Ok<AgentResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Register(
        string agentId, HttpRequest request, IGrainFactory grains)
    {
        if (InputChecks.Id("agentId", agentId) is { } bad)
        {
            return bad;
        }

        var (body, problem) = await JsonBody.ReadAsync<AgentRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (Check(body!) is { } badBody)
        {
            return badBody;
        }

        var spec = body!.ToSpec(agentId);
        return await Refusals.Run("agentId", agentId, async () => TypedResults.Ok((await grains.Agent(agentId).Register(spec)).ToResponse()));
    }

    private static BadRequest<ProblemDetails>? Check(AgentRequest body)
    {
        if ((InputChecks.Id("$.deskId", body.DeskId) ?? InputChecks.Id("$.tier", body.Tier)) is { } bad)
        {
            return bad;
        }

        if (body.Capacity is { } capacity && capacity is < 1 or > 1000)
        {
            return Problems.Invalid("$.capacity", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 1 and 1000 concurrent tickets");
        }

        var skills = body.Skills ?? [];
        for (var i = 0; i < skills.Length; i++)
        {
            if (skills[i] is null)
            {
                return Problems.Invalid($"$.skills[{i}]", null, "required; { \"skill\": name, \"proficiency\": 1-5 }");
            }

            if (InputChecks.Name($"$.skills[{i}].skill", skills[i].Skill) is { } badSkill)
            {
                return badSkill;
            }

            if (skills[i].Proficiency is not (>= 1 and <= 5))
            {
                return Problems.Invalid($"$.skills[{i}].proficiency", skills[i].Proficiency?.ToString(System.Globalization.CultureInfo.InvariantCulture), "required; a whole number from 1 to 5");
            }
        }

        return null;
    }

    private static async Task<Results<Ok<AgentResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Get(string agentId, IGrainFactory grains)
    {
        if (InputChecks.Id("agentId", agentId) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("agentId", agentId, async () => TypedResults.Ok((await grains.Agent(agentId).Get()).ToResponse()));
    }

    private static async Task<Results<Ok<AgentResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> SetPresence(
        string agentId, string presence, IGrainFactory grains)
    {
        if (InputChecks.Id("agentId", agentId) is { } bad)
        {
            return bad;
        }

        // By name only: "1" is not a presence.
        if (!Enum.TryParse<Presence>(presence, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(presence.TrimStart('-')[0]))
        {
            return Problems.Invalid("presence", InputChecks.Escaped(presence), "must be Available, Break or Offline");
        }

        return await Refusals.Run("agentId", agentId, async () =>
        {
            var agent = grains.Agent(agentId);
            await agent.SetPresence(parsed);
            return TypedResults.Ok((await agent.Get()).ToResponse());
        });
    }

    private static async Task<Results<Ok<TicketResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Resolve(
        string agentId, string ticketId, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
    {
        if ((InputChecks.Id("agentId", agentId) ?? InputChecks.Id("ticketId", ticketId)) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("ticketId", ticketId, async () =>
        {
            await grains.Agent(agentId).Resolve(ticketId);
            return TypedResults.Ok((await grains.Ticket(ticketId).Get()).ToResponse(clock.GetUtcNow()));
        });
    }

    private static async Task<Results<Ok<PlacementResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Escalate(
        string agentId, string ticketId, HttpRequest request, IGrainFactory grains)
    {
        if ((InputChecks.Id("agentId", agentId) ?? InputChecks.Id("ticketId", ticketId)) is { } bad)
        {
            return bad;
        }

        var (body, problem) = await JsonBody.ReadAsync<EscalateRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Reason))
        {
            return Problems.Invalid("$.reason", body.Reason, "required; an escalation needs a reason");
        }

        if ((InputChecks.Text("$.reason", body.Reason) ?? (body.ToTier is null ? null : InputChecks.Id("$.toTier", body.ToTier))) is { } badBody)
        {
            return badBody;
        }

        return await Refusals.Run("ticketId", ticketId, async () => TypedResults.Ok((await grains.Agent(agentId).Escalate(ticketId, body.Reason, body.ToTier)).ToResponse()));
    }
}
