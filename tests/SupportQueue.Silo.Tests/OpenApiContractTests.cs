using System.Text.Json;

namespace SupportQueue.Silo.Tests;

/// <summary>The OpenAPI document is the contract: every route is in it, with its problem responses.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(ApiHost host)
{
    [Fact]
    public async Task Every_route_is_documented_with_its_problem_responses()
    {
        var (_, doc, response) = await host.Send(HttpMethod.Get, "/openapi/v1.json", expect: 200);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = doc.GetProperty("paths");
        var routes = host.Routes();
        Assert.True(routes.Count >= 17, $"only {routes.Count} routes mapped");
        foreach (var (method, route) in routes)
        {
            Assert.True(paths.TryGetProperty(route, out var path), $"{route} is not in the OpenAPI document");
            Assert.True(path.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {route} is not in the OpenAPI document");
            Assert.True(operation.TryGetProperty("operationId", out _), $"{method} {route} has no operationId");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{method} {route}: no success response");
            foreach (var status in new[] { "400", "404", "409" })
            {
                Assert.True(responses.TryGetProperty(status, out var problem), $"{method} {route}: {status} not documented");
                var content = problem.GetProperty("content");
                Assert.True(content.TryGetProperty("application/problem+json", out var media), $"{method} {route}: {status} is not application/problem+json");
                Assert.Contains("ProblemDetails", media.GetProperty("schema").GetRawText(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("post", "/tickets", "TicketRequest")]
    [InlineData("put", "/agents/{agentId}", "AgentRequest")]
    [InlineData("put", "/desks/{deskId}", "DeskSettings")]
    [InlineData("post", "/agents/{agentId}/tickets/{ticketId}/escalate", "EscalateRequest")]
    [InlineData("post", "/tickets/{ticketId}/reopen", "ReasonRequest")]
    public async Task Request_bodies_are_documented(string method, string route, string schema)
    {
        var (_, doc, _) = await host.Send(HttpMethod.Get, "/openapi/v1.json", expect: 200);
        var body = doc.GetProperty("paths").GetProperty(route).GetProperty(method).GetProperty("requestBody");
        Assert.Contains(schema, body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText(), StringComparison.Ordinal);
        Assert.True(doc.GetProperty("components").GetProperty("schemas").TryGetProperty(schema, out _), $"{schema} has no schema");
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        var (status, _, response) = await SendRaw("/scalar");
        Assert.Equal(200, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(int, string, HttpResponseMessage)> SendRaw(string path)
    {
        var response = await host.Http.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    internal static JsonElement Schema(JsonElement doc, string name) => doc.GetProperty("components").GetProperty("schemas").GetProperty(name);
}
