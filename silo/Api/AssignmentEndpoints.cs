using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Grains;

namespace SupportQueue.Silo.Api;

/// <summary>
/// GET /agents/{agentId}/assignments: assignment delivery for agent desktops without polling. The
/// caller sends the ticket ids it already knows (<c>known</c>, repeated); the answer comes as soon
/// as the agent's tickets differ from them, or after <c>wait</c> seconds (at most 60) unchanged.
/// </summary>
internal static class AssignmentEndpoints
{
    public const int MaxWaitSeconds = 60;

    // How often a waiting poll re-reads the agent, for assignments made on another silo.
    private static readonly TimeSpan _reread = TimeSpan.FromSeconds(1);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/agents").ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithTags("Agents")
            .MapGet("/{agentId}/assignments", Get).WithName("WaitForAssignments")
            .WithSummary("The agent's tickets, answered when they differ from the known ones (long-poll, wait ≤ 60 s)");
    }

    private static async Task<Results<Ok<AssignmentsResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Get(
        string agentId, string[]? known, string? wait, IGrainFactory grains, AssignmentSignals signals, HttpContext http)
    {
        if (InputChecks.Id("agentId", agentId) is { } bad)
        {
            return bad;
        }

        var seconds = 0;
        if (wait is not null && (!int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds > MaxWaitSeconds))
        {
            return Problems.Invalid("wait", wait, $"must be a whole number of seconds from 0 to {MaxWaitSeconds}");
        }

        var knownSet = new HashSet<string>(known ?? [], StringComparer.Ordinal);
        var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
        return await Refusals.Run("agentId", agentId, async () =>
        {
            var agent = grains.Agent(agentId);
            while (true)
            {
                // Listen before reading, so an assignment between the read and the wait is not missed.
                var signal = signals.NextAssignment(agentId);
                var held = (await agent.Get()).Assignments;
                var changed = !knownSet.SetEquals(held);
                var left = until - DateTimeOffset.UtcNow;
                if (changed || left <= TimeSpan.Zero || http.RequestAborted.IsCancellationRequested)
                {
                    return TypedResults.Ok(new AssignmentsResponse(agentId, [.. held], changed));
                }

                await Task.WhenAny(signal, Task.Delay(left < _reread ? left : _reread, http.RequestAborted));
            }
        });
    }
}
