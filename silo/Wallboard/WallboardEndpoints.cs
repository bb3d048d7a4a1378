using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Grains;
using SupportQueue.Silo.Api;

namespace SupportQueue.Silo.Wallboard;

/// <summary>
/// A desk's wallboard: the page (/wallboard/{deskId}, no data in it, so it needs no key), its data
/// as one snapshot (…/data) and as server-sent events (…/events): per tier waiting, oldest wait,
/// agents by presence, and the day's service level against the desk's target.
/// </summary>
internal static class WallboardEndpoints
{
    // How often the stream looks at the desk; a change goes out at the next look.
    private static readonly TimeSpan _look = TimeSpan.FromSeconds(1);

    // Without a change the last snapshot is repeated this often, so the page knows it is live.
    private static readonly TimeSpan _heartbeat = TimeSpan.FromSeconds(10);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/wallboard").ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithTags("Wallboard");
        group.MapGet("/{deskId}", Page).WithName("WallboardPage").ExcludeFromDescription();
        group.MapGet("/{deskId}/data", Data).WithName("GetWallboard")
            .WithSummary("The wallboard's figures: per tier waiting, oldest wait, agents by presence, today's service level against the target");
        group.MapGet("/{deskId}/events", Events).WithName("StreamWallboard")
            .Produces<WallboardResponse>(StatusCodes.Status200OK, "text/event-stream")
            .WithSummary("Server-sent events: a 'wallboard' event with the figures at once and whenever they change (looked at every second; repeated every 10 s)");
    }

    private static IResult Page(string deskId) =>
        InputChecks.Id("deskId", deskId) is { } bad ? bad : WallboardPage.Result();

    private static async Task<Results<Ok<WallboardResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Data(string deskId, IGrainFactory grains)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        return await Refusals.Run("deskId", deskId, async () => TypedResults.Ok(await ReadAsync(grains, deskId)));
    }

    private static async Task<Results<ServerSentEventsResult<WallboardResponse>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Events(
        string deskId, IGrainFactory grains, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        // The first read answers an unknown desk with a problem, before the stream starts.
        return await Refusals.Run("deskId", deskId, async () =>
        {
            var first = await ReadAsync(grains, deskId);
            return TypedResults.ServerSentEvents(Stream(first, grains, json.Value.SerializerOptions, http.RequestAborted));
        });
    }

    private static async IAsyncEnumerable<SseItem<WallboardResponse>> Stream(
        WallboardResponse first, IGrainFactory grains, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancel)
    {
        var last = Signature(first, json);
        var lastSent = DateTimeOffset.UtcNow;
        yield return new SseItem<WallboardResponse>(first, "wallboard");
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_look, cancel);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            WallboardResponse next;
            try
            {
                next = await ReadAsync(grains, first.DeskId);
            }
            catch (Exception ex) when (ex is SupportQueueException or OrleansException or TimeoutException)
            {
                // The desk could not be read now (moving between silos, reconfigured): try again.
                continue;
            }

            var signature = Signature(next, json);
            if (signature != last || DateTimeOffset.UtcNow - lastSent >= _heartbeat)
            {
                last = signature;
                lastSent = DateTimeOffset.UtcNow;
                yield return new SseItem<WallboardResponse>(next, "wallboard");
            }
        }
    }

    // The figures without the time they were read: what decides whether anything changed.
    private static string Signature(WallboardResponse data, JsonSerializerOptions json) => JsonSerializer.Serialize(data with { At = default }, json);

    internal static async Task<WallboardResponse> ReadAsync(IGrainFactory grains, string deskId)
    {
        var desk = grains.Desk(deskId);
        var status = await desk.GetStatus();
        var statistics = await desk.GetStatistics();
        return Build(status, statistics);
    }

    /// <summary>The wallboard's figures from the desk's live status and its cumulative statistics.</summary>
    internal static WallboardResponse Build(DeskStatus status, DeskStatisticsReport statistics)
    {
        var today = statistics.Today;
        var tiers = status.Tiers.Select(t => Line(t.Tier, t.Queued + t.Offered, t.OldestWait, t.Available, t.OnBreak, t.Offline, t.Assigned,
            today.Tiers.FirstOrDefault(f => string.Equals(f.Tier, t.Tier, StringComparison.OrdinalIgnoreCase)) ?? new StatisticsFigures(t.Tier, null, 0, 0, 0, 0, null, null))).ToList();
        var total = Line(
            "All",
            tiers.Sum(t => t.Waiting),
            tiers.Count == 0 ? TimeSpan.Zero : tiers.Max(t => t.OldestWait),
            tiers.Sum(t => t.Available),
            tiers.Sum(t => t.OnBreak),
            tiers.Sum(t => t.Offline),
            tiers.Sum(t => t.Held),
            today.Total);
        return new WallboardResponse(status.DeskId, status.At, statistics.TimeZone, statistics.ServiceLevelTarget, total, [.. tiers]);
    }

    private static WallboardTierResponse Line(string tier, int waiting, TimeSpan oldest, int available, int onBreak, int offline, int held, StatisticsFigures day) =>
        new(tier, waiting, oldest, available, onBreak, offline, held, day.Offered, day.Answered, day.Abandoned, day.ServiceLevel, day.AverageSpeedOfAnswer);
}
