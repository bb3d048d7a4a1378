using System.Text.Json;

namespace SupportQueue.Silo.Tests;

/// <summary>
/// Bad input on every route: each case answers its 4xx status with an RFC 9457 problem naming the
/// field and the value, and changes nothing (desks, desk settings, agents, the desk's counters).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiHost host)
{
    private const string D = ApiHost.Desk;

    public static TheoryData<string> Names => [.. _cases.Keys];

    private static readonly Dictionary<string, Case> _cases = new Case[]
    {
        new("list desks: limit 0", "GET", "/desks?limit=0", null, 400, "limit", "0"),
        new("list desks: offset not a number", "GET", "/desks?offset=x", null, 400, "offset", "x"),
        new("read desk: unknown", "GET", "/desks/nope", null, 404, "deskId", "nope"),
        new("read desk: id too long", "GET", "/desks/" + new string('d', 129), null, 400, "deskId", new string('d', 32) + "…"),
        new("configure: malformed JSON", "PUT", $"/desks/{D}", "{\"tiers\": [", 400, "$.tiers", null),
        new("configure: unknown field", "PUT", $"/desks/{D}", "{\"colour\": \"red\"}", 400, "$.colour", "\"red\""),
        new("configure: duplicate key", "PUT", $"/desks/{D}", "{\"selection\": \"LeastBusy\", \"selection\": \"RoundRobin\"}", 400, "$.selection", "\"RoundRobin\""),
        new("configure: unknown enum", "PUT", $"/desks/{D}", "{\"selection\": \"Fastest\"}", 400, "$.selection", "\"Fastest\""),
        new("configure: invalid settings", "PUT", $"/desks/{D}", "{\"tiers\": []}", 400, "$.tiers", "[]"),
        new("configure: control character in id", "PUT", "/desks/a%1Bb", "{}", 400, "deskId", "a\\u001Bb"),
        new("settings: unknown desk", "GET", "/desks/nope/settings", null, 404, "deskId", "nope"),
        new("status: control character in id", "GET", "/desks/%1B%5B31m/status", null, 400, "deskId", "\\u001B[31m"),
        new("desk agents: limit too large", "GET", $"/desks/{D}/agents?limit=501", null, 400, "limit", "501"),
        new("desk agents: unknown desk", "GET", "/desks/nope/agents", null, 404, "deskId", "nope"),
        new("waiting: unknown tier", "GET", $"/desks/{D}/tiers/L9/waiting", null, 400, "tier", "L9"),
        new("waiting: unknown desk", "GET", "/desks/nope/tiers/L1/waiting", null, 404, "deskId", "nope"),
        new("export: from not a time", "GET", $"/desks/{D}/export?from=yesterday&to=2026-12-01", null, 400, "from", "yesterday"),
        new("export: unknown desk", "GET", "/desks/nope/export?from=2026-12-01&to=2026-12-02", null, 404, "deskId", "nope"),
        new("submit: missing ticketId", "POST", "/tickets", $$"""{"deskId":"{{D}}","priority":"P2"}""", 400, "$.ticketId", null),
        new("submit: wrong type", "POST", "/tickets", $$"""{"ticketId":5,"deskId":"{{D}}","priority":"P2"}""", 400, "$.ticketId", "5"),
        new("submit: unknown enum", "POST", "/tickets", $$"""{"ticketId":"b1","deskId":"{{D}}","priority":"P9"}""", 400, "$.priority", "\"P9\""),
        new("submit: unknown field", "POST", "/tickets", $$"""{"ticketId":"b1","deskId":"{{D}}","priority":"P2","urgent":true}""", 400, "$.urgent", "true"),
        new("submit: duplicate key", "POST", "/tickets", $$"""{"ticketId":"b1","ticketId":"b2","deskId":"{{D}}","priority":"P2"}""", 400, "$.ticketId", "\"b2\""),
        new("submit: slash in ticketId", "POST", "/tickets", $$"""{"ticketId":"b/1","deskId":"{{D}}","priority":"P2"}""", 400, "$.ticketId", "b/1"),
        new("submit: dot-dot ticketId", "POST", "/tickets", $$"""{"ticketId":"..","deskId":"{{D}}","priority":"P2"}""", 400, "$.ticketId", ".."),
        new("submit: skill holding a trace separator", "POST", "/tickets", $$"""{"ticketId":"b1","deskId":"{{D}}","priority":"P2","skills":["billing;refunds"]}""", 400, "$.skills[0]", "billing;refunds"),
        new("submit: missing priority", "POST", "/tickets", $$"""{"ticketId":"b1","deskId":"{{D}}"}""", 400, "$.priority", null),
        new("submit: subject with an escape sequence", "POST", "/tickets", $$"""{"ticketId":"b1","deskId":"{{D}}","priority":"P2","subject":"\u001b[31mred"}""", 400, "$.subject", "\\u001B[31mred"),
        new("submit: subject too long", "POST", "/tickets", $$"""{"ticketId":"b1","deskId":"{{D}}","priority":"P2","subject":"{{new string('s', 501)}}"}""", 400, "$.subject", new string('s', 32) + "…"),
        new("submit: unknown desk", "POST", "/tickets", """{"ticketId":"b1","deskId":"nope","priority":"P2"}""", 404, "deskId", "nope"),
        new("submit: body too large", "POST", "/tickets", $$"""{"ticketId":"b1","deskId":"{{D}}","priority":"P2","subject":"{{new string('s', 70_000)}}"}""", 413, "$", null),
        new("submit: empty body", "POST", "/tickets", "", 400, "$", null),
        new("read ticket: unknown", "GET", "/tickets/nope", null, 404, "ticketId", "nope"),
        new("abandon: unknown ticket", "POST", "/tickets/nope/abandon", null, 404, "ticketId", "nope"),
        new("cancel: reason too long", "POST", "/tickets/nope/cancel", $$"""{"reason":"{{new string('r', 501)}}"}""", 400, "$.reason", new string('r', 32) + "…"),
        new("reopen: unknown field", "POST", "/tickets/nope/reopen", """{"why":"x"}""", 400, "$.why", "\"x\""),
        new("register agent: empty body object", "PUT", "/agents/x", "{}", 400, "$.deskId", null),
        new("register agent: capacity 0", "PUT", "/agents/x", $$"""{"deskId":"{{D}}","tier":"L1","capacity":0}""", 400, "$.capacity", "0"),
        new("register agent: proficiency 9", "PUT", "/agents/x", $$"""{"deskId":"{{D}}","tier":"L1","skills":[{"skill":"billing","proficiency":9}]}""", 400, "$.skills[0].proficiency", "9"),
        new("register agent: skill holding a trace separator", "PUT", "/agents/x", $$"""{"deskId":"{{D}}","tier":"L1","skills":[{"skill":"vip:gold","proficiency":3}]}""", 400, "$.skills[0].skill", "vip:gold"),
        new("register agent: unknown tier", "PUT", "/agents/x", $$"""{"deskId":"{{D}}","tier":"L9"}""", 400, "tier", "L9"),
        new("register agent: unknown desk", "PUT", "/agents/x", """{"deskId":"nope","tier":"L1"}""", 404, "deskId", "nope"),
        new("read agent: unknown", "GET", "/agents/nope", null, 404, "agentId", "nope"),
        new("presence: unknown value", "PUT", "/agents/a1/presence/sleeping", null, 400, "presence", "sleeping"),
        new("presence: a number", "PUT", "/agents/a1/presence/1", null, 400, "presence", "1"),
        new("presence: unknown agent", "PUT", "/agents/nope/presence/Available", null, 404, "agentId", "nope"),
        new("resolve: ticket not held", "POST", "/agents/a1/tickets/nope/resolve", null, 409, "ticketId", "nope"),
        new("resolve: unknown agent", "POST", "/agents/nope/tickets/t/resolve", null, 404, "agentId", "nope"),
        new("assignments: wait too long", "GET", "/agents/a1/assignments?wait=61", null, 400, "wait", "61"),
        new("assignment stream: unknown agent", "GET", "/agents/nope/assignments/stream", null, 404, "agentId", "nope"),
        new("statistics: unknown desk", "GET", "/desks/nope/statistics", null, 404, "deskId", "nope"),
        new("statistics: control character in id", "GET", "/desks/%1B/statistics", null, 400, "deskId", "\\u001B"),
        new("assignments: unknown agent", "GET", "/agents/nope/assignments", null, 404, "agentId", "nope"),
        new("escalate: no reason", "POST", "/agents/a1/tickets/t/escalate", "{}", 400, "$.reason", null),
        new("escalate: wrong type", "POST", "/agents/a1/tickets/t/escalate", """{"reason":["a","b"]}""", 400, "$.reason", "[2 items]"),
    }.ToDictionary(c => c.Name);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Refused_with_a_problem_naming_field_and_value_and_nothing_changes(string name)
    {
        var c = _cases[name];
        var before = await Snapshot();
        var (status, problem, response) = await host.Send(new HttpMethod(c.Method), c.Path, c.Body);

        Assert.True(c.Status == status, $"{name}: expected {c.Status}, got {status}: {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(c.Status, problem.GetProperty("status").GetInt32());
        Assert.Equal(c.Field, problem.GetProperty("field").GetString());
        Assert.Equal(c.Value, problem.GetProperty("value").ValueKind == JsonValueKind.Null ? null : problem.GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        if (problem.GetProperty("code").GetString() == "InvalidJson" && c.Body is { Length: > 0 })
        {
            Assert.True(problem.GetProperty("line").ValueKind == JsonValueKind.Number, $"{name}: no line in {problem}");
        }

        Assert.Equal(before, await Snapshot());
    }

    // curl -X POST and many HTTP clients send a request without a body and without a
    // Content-Length, others a chunked body with no chunk: the optional body of abandon, cancel and
    // reopen is then absent, not empty JSON.
    [Theory]
    [InlineData("abandon", false)]
    [InlineData("cancel", false)]
    [InlineData("reopen", false)]
    [InlineData("abandon", true)]
    [InlineData("reopen", true)]
    public async Task An_optional_body_left_out_without_a_length_is_no_body(string action, bool chunked)
    {
        var address = host.Http.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var body = chunked ? "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" : "\r\n";
        var request = $"POST /tickets/nope/{action} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n{body}";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        var response = await new StreamReader(stream).ReadToEndAsync();

        // The ticket's 404, not a 400 for an empty body.
        Assert.StartsWith("HTTP/1.1 404", response, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"UnknownTicket\"", response, StringComparison.Ordinal);
    }

    // Refusals made before any endpoint runs (routing, the content-type check) name what was wrong too.
    [Theory]
    [InlineData("POST", "/tickets", "text/plain", 415, "UnsupportedMediaType", "Content-Type", "text/plain")]
    [InlineData("POST", "/tickets/t1/abandon", "application/x-www-form-urlencoded", 415, "UnsupportedMediaType", "Content-Type", "application/x-www-form-urlencoded")]
    [InlineData("DELETE", "/tickets/t1", null, 405, "MethodNotAllowed", "method", "DELETE")]
    [InlineData("GET", "/tickets/t1/history", null, 404, "UnknownRoute", "path", "/tickets/t1/history")]
    public async Task A_refusal_before_the_endpoint_names_the_field_and_value(string method, string path, string? contentType, int status, string code, string field, string value)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new StringContent("x=1", System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.Contains(value, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_route_has_a_bad_input_case()
    {
        var templates = host.Routes().Select(r => $"{r.Method} {r.Route}").ToHashSet();
        var covered = _cases.Values.Select(c => $"{c.Method} {Template(c.Path)}").ToHashSet();
        Assert.Empty(templates.Except(covered));
    }

    // The case's path with its ids put back as the route's parameters.
    private string Template(string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        foreach (var (_, route) in host.Routes())
        {
            var parts = route.Trim('/').Split('/');
            if (parts.Length == segments.Length && parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
            {
                return route;
            }
        }

        return path;
    }

    private async Task<string> Snapshot()
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/desks", $"/desks/{D}/settings", $"/desks/{D}/agents", "/agents/a1", "/agents/x", "/tickets/b1" })
        {
            var (status, body, _) = await host.Send(HttpMethod.Get, path);
            parts.Add($"{path} {status} {(status == 200 ? body.GetRawText() : "")}");
        }

        var (_, desk, _) = await host.Send(HttpMethod.Get, $"/desks/{D}/status", expect: 200);
        parts.Add($"submitted {desk.GetProperty("submitted")} open {desk.GetProperty("open")} abandoned {desk.GetProperty("abandoned")}");
        return string.Join("\n", parts);
    }

    private sealed record Case(string Name, string Method, string Path, string? Body, int Status, string Field, string? Value);
}
