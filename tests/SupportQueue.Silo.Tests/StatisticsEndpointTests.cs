using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportQueue.Grains;

namespace SupportQueue.Silo.Tests;

/// <summary>GET /desks/{deskId}/statistics: today's and the last hour's figures after real submits, an assignment and an abandon.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatisticsEndpointTests(ApiHost host)
{
    [Fact]
    public async Task Statistics_count_what_the_desk_did_per_tier_and_priority()
    {
        await host.Send(HttpMethod.Put, "/desks/stats", ApiHost.DeskSettingsJson, expect: 200);
        var (_, empty, _) = await host.Send(HttpMethod.Get, "/desks/stats/statistics", expect: 200);
        Assert.Equal(0, empty.GetProperty("today").GetProperty("total").GetProperty("offered").GetInt64());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("today").GetProperty("total").GetProperty("serviceLevel").ValueKind);

        await host.Send(HttpMethod.Put, "/agents/st-agent", """{"deskId":"stats","tier":"L1"}""", expect: 200);
        await host.Send(HttpMethod.Post, "/tickets", """{"ticketId":"st-1","deskId":"stats","priority":"P2"}""", expect: 201);
        await host.Send(HttpMethod.Post, "/tickets", """{"ticketId":"st-2","deskId":"stats","priority":"P3"}""", expect: 201);
        await host.Send(HttpMethod.Post, "/tickets/st-2/abandon", expect: 200);
        await host.Send(HttpMethod.Put, "/agents/st-agent/presence/available", expect: 200);
        var (_, assigned, _) = await host.Send(HttpMethod.Get, "/agents/st-agent/assignments?wait=30", expect: 200);
        Assert.Equal("st-1", Assert.Single(assigned.GetProperty("assignments").EnumerateArray()).GetString());

        // The agent holds it; the desk counts the answer when the agent's reply has settled there.
        await host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeskSchedulerGrain>("stats").WhenIdle();

        var (_, body, _) = await host.Send(HttpMethod.Get, "/desks/stats/statistics", expect: 200);
        Assert.Equal("stats", body.GetProperty("deskId").GetString());
        Assert.Equal("UTC", body.GetProperty("timeZone").GetString());
        Assert.Equal(0.8, body.GetProperty("serviceLevelTarget").GetDouble());
        foreach (var window in new[] { "today", "lastHour" })
        {
            var total = body.GetProperty(window).GetProperty("total");
            Assert.Equal((2L, 1L, 1L, 1L), (total.GetProperty("offered").GetInt64(), total.GetProperty("answered").GetInt64(),
                total.GetProperty("answeredWithinTarget").GetInt64(), total.GetProperty("abandoned").GetInt64()));
            Assert.Equal(0.5, total.GetProperty("serviceLevel").GetDouble());
            Assert.True(TimeSpan.Parse(total.GetProperty("averageSpeedOfAnswer").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.Zero);
        }

        var today = body.GetProperty("today");
        var l1 = today.GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("tier").GetString() == "L1");
        Assert.Equal(2, l1.GetProperty("offered").GetInt64());
        var p3 = today.GetProperty("priorities").EnumerateArray().Single(p => p.GetProperty("priority").GetString() == "P3");
        Assert.Equal((1L, 0L, 1L), (p3.GetProperty("offered").GetInt64(), p3.GetProperty("answered").GetInt64(), p3.GetProperty("abandoned").GetInt64()));
        Assert.Equal(0.0, p3.GetProperty("serviceLevel").GetDouble());

        await host.Send(HttpMethod.Get, "/desks/nowhere/statistics", expect: 404);
    }

    [Fact]
    public async Task A_desk_in_another_time_zone_starts_its_day_at_its_own_midnight()
    {
        var settings = ApiHost.DeskSettingsJson.TrimEnd().TrimEnd('}') + ""","timeZone":"Asia/Tokyo"}""";
        await host.Send(HttpMethod.Put, "/desks/stats-tokyo", settings, expect: 200);
        var (_, body, _) = await host.Send(HttpMethod.Get, "/desks/stats-tokyo/statistics", expect: 200);
        Assert.Equal("Asia/Tokyo", body.GetProperty("timeZone").GetString());
        var from = DateTimeOffset.Parse(body.GetProperty("today").GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new TimeSpan(15, 0, 0), from.UtcDateTime.TimeOfDay); // Tokyo's midnight is 15:00 UTC (no daylight saving)

        var refused = ApiHost.DeskSettingsJson.TrimEnd().TrimEnd('}') + ""","timeZone":"Mars/Olympus"}""";
        var (_, problem, _) = await host.Send(HttpMethod.Put, "/desks/stats-tokyo", refused, expect: 400);
        Assert.Contains("timeZone", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", problem.ToString(), StringComparison.Ordinal);
        var (_, still, _) = await host.Send(HttpMethod.Get, "/desks/stats-tokyo/statistics", expect: 200);
        Assert.Equal("Asia/Tokyo", still.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_statistics_and_the_streams()
    {
        var (_, document, _) = await host.Send(HttpMethod.Get, "/openapi/v1.json", expect: 200);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/desks/{deskId}/statistics", out _));
        Assert.True(paths.TryGetProperty("/agents/{agentId}/assignments/stream", out var stream));
        Assert.True(stream.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("DeskStatisticsResponse", out _));
    }
}
