using System.Globalization;
using System.Text.Json;
using SupportQueue.Core.History;
using SupportQueue.Json;

namespace SupportQueue.Silo.Tests;

/// <summary>GET /desks/{deskId}/export: the recorded tickets as a trace the trace readers read back; bad windows refused by parameter and value.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExportEndpointTests(ApiHost host)
{
    [Fact]
    public async Task The_export_streams_the_desks_recorded_tickets_as_csv_or_json_lines()
    {
        var open = "exp-" + Guid.NewGuid().ToString("N")[..8];
        var left = "exp-" + Guid.NewGuid().ToString("N")[..8];
        await host.Send(HttpMethod.Post, "/tickets", $$"""{"ticketId":"{{open}}","deskId":"{{ApiHost.Desk}}","priority":"P2","skills":["nobody-has-this"]}""", expect: 201);
        await host.Send(HttpMethod.Post, "/tickets", $$"""{"ticketId":"{{left}}","deskId":"{{ApiHost.Desk}}","priority":"P4","skills":["nobody-has-this"]}""", expect: 201);
        await host.Send(HttpMethod.Post, $"/tickets/{left}/abandon", """{"reason":"went away"}""", expect: 200);
        var window = Window();

        using var csvResponse = await host.Http.GetAsync($"/desks/{ApiHost.Desk}/export?{window}");
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.True(csvResponse.IsSuccessStatusCode, csv);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var fromCsv = TicketHistoryCsv.Parse(csv);

        using var jsonResponse = await host.Http.GetAsync($"/desks/{ApiHost.Desk}/export?{window}&format=JSONL");
        Assert.Equal("application/jsonl", jsonResponse.Content.Headers.ContentType?.MediaType);
        var fromJson = TicketHistoryJsonLines.Parse(await jsonResponse.Content.ReadAsStringAsync());

        foreach (var records in new[] { fromCsv, fromJson })
        {
            var o = Assert.Single(records, r => r.Id == open);
            Assert.Equal((HistoryOutcome.Open, "L1", "P2"), (o.Outcome, o.EntryTier, o.Priority.ToString()));
            var a = Assert.Single(records, r => r.Id == left);
            Assert.Equal(HistoryOutcome.Abandoned, a.Outcome);
            Assert.NotNull(a.Ended);
        }
    }

    [Theory]
    [InlineData("from=yesterday&to=2026-12-01", "from", "yesterday")]
    [InlineData("from=2026-12-01T08:00:00&to=2026-12-02", "from", "2026-12-01T08:00:00")]
    [InlineData("to=2026-12-02", "from", null)]
    [InlineData("from=2026-12-02&to=2026-12-01", "to", "2026-12-01")]
    [InlineData("from=2026-10-01&to=2026-12-01", "to", "2026-12-01")]
    [InlineData("from=2026-12-01&to=2026-12-02&format=xml", "format", "xml")]
    public async Task A_bad_window_or_format_is_a_problem_naming_the_parameter_and_value(string query, string field, string? value)
    {
        using var response = await host.Http.GetAsync($"/desks/{ApiHost.Desk}/export?{query}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_unknown_desk_is_404_before_anything_is_streamed()
    {
        using var response = await host.Http.GetAsync($"/desks/no-such-desk/export?{Window()}");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Window()
    {
        var now = DateTime.UtcNow;
        return $"from={Uri.EscapeDataString(now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}" +
            $"&to={Uri.EscapeDataString(now.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}";
    }
}
