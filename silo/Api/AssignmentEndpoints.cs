using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Grains;

namespace SupportQueue.Silo.Api;

/// <summary>
/// Assignment delivery for agent desktops without polling. GET /agents/{agentId}/assignments is a
/// long-poll: the caller sends the ticket ids it already knows (<c>known</c>, repeated); the answer
/// comes as soon as the agent's tickets differ from them, or after <c>wait</c> seconds (at most 60)
/// unchanged. GET /agents/{agentId}/assignments/stream sends the same as server-sent events.
/// </summary>
internal static class AssignmentEndpoints
{
    public const int MaxWaitSeconds = 60;

    // How often a waiting poll re-reads the agent, for assignments made on another silo.
    private static readonly TimeSpan _reread = TimeSpan.FromSeconds(1);

    // Without any change, a stream repeats the agent's tickets this often, so proxies see traffic
    // and a client notices a dead connection.
    private static readonly TimeSpan _heartbeat = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/agents").ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithTags("Agents");
        group.MapGet("/{agentId}/assignments", Get).WithName("WaitForAssignments")
            .WithSummary("The agent's tickets, answered when they differ from the known ones (long-poll, wait ≤ 60 s)");
        group.MapGet("/{agentId}/assignments/stream", Stream).WithName("StreamAssignments")
            .Produces<AssignmentsResponse>(StatusCodes.Status200OK, "text/event-stream")
            .WithSummary("Server-sent events: an 'assignments' event with the agent's tickets at once, then at every change")
            .WithDescription("Each event's data is an AssignmentsResponse (changed: true when the tickets differ from the previous event). Without a change the last one is repeated every 15 s.");
    }

    private static async Task<Results<ServerSentEventsResult<AssignmentsResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Stream(
        string agentId, IGrainFactory grains, AssignmentSignals signals, HttpContext http)
    {
        if (InputChecks.Id("agentId", agentId) is { } bad)
        {
            return bad;
        }

        // The first read answers an unknown agent with a problem, before the stream starts.
        return await Refusals.Run("agentId", agentId, async () =>
        {
            var first = (await grains.Agent(agentId).Get()).Assignments;
            return TypedResults.ServerSentEvents(Events(agentId, [.. first], grains, signals, http.RequestAborted));
        });
    }

    private static async IAsyncEnumerable<SseItem<AssignmentsResponse>> Events(
        string agentId, string[] first, IGrainFactory grains, AssignmentSignals signals, [EnumeratorCancellation] CancellationToken cancel)
    {
        var agent = grains.Agent(agentId);
        var sent = first;
        yield return Item(new AssignmentsResponse(agentId, [.. sent], true));
        var quietSince = DateTimeOffset.UtcNow;
        while (!cancel.IsCancellationRequested)
        {
            var signal = signals.NextAssignment(agentId);
            try
            {
                await Task.WhenAny(signal, Task.Delay(_reread, cancel));
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            string[] held;
            try
            {
                held = [.. (await agent.Get()).Assignments];
            }
            catch (Exception ex) when (ex is SupportQueue.Core.Model.SupportQueueException or OrleansException or TimeoutException)
            {
                // The agent's grain could not be read now; the next round tries again.
                continue;
            }

            var changed = !held.SequenceEqual(sent, StringComparer.Ordinal);
            if (changed || DateTimeOffset.UtcNow - quietSince >= _heartbeat)
            {
                sent = held;
                quietSince = DateTimeOffset.UtcNow;
                yield return Item(new AssignmentsResponse(agentId, [.. held], changed));
            }
        }
    }

    private static SseItem<AssignmentsResponse> Item(AssignmentsResponse data) => new(data, "assignments");

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
                List<string> held;
                try
                {
                    held = (await agent.Get()).Assignments;
                }
                catch (SupportQueue.Core.Model.SupportQueueException)
                {
                    // An unknown agent (404): its waiter would stay for good, one per made-up id.
                    signals.Forget(agentId, signal);
                    throw;
                }

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
