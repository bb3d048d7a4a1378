using System.Text;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Silo.Api;

namespace SupportQueue.Silo.Security;

/// <summary>
/// Runs after routing: finds the route's operation, the caller's key, and the desks and agent the
/// request touches (from the route, from the ticket's or agent's own record, from the body's
/// deskId), then asks <see cref="AccessRule"/>. 401 without a valid key, 403 when the rule says no.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyCache keys, IGrainFactory grains)
{
    /// <summary>Where the caller's key is left for the rate limiter.</summary>
    public const string ItemKey = "SupportQueue.ApiKey";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || RouteOperations.IsPublic(RouteOperations.Normalize(endpoint.RoutePattern.RawText ?? "")))
        {
            await next(context);
            return;
        }

        var operation = RouteOperations.Classify(context.Request.Method, endpoint.RoutePattern.RawText ?? "");
        if (operation is not { } op)
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Route has no access rule", "Forbidden", null, null, "this route is not classified; it is refused until it is");
            return;
        }

        var presented = PresentedKey(context.Request);
        if (presented is null)
        {
            await Unauthorized(context, op, "API key required", "ApiKeyRequired", $"send the key in the {ApiKeys.Header} header (or Authorization: Bearer)");
            return;
        }

        var key = await keys.FindAsync(presented, context.RequestAborted);
        if (key is null)
        {
            await Unauthorized(context, op, "Unknown or revoked API key", "ApiKeyInvalid", "the key is not known or was revoked");
            return;
        }

        context.Items[ItemKey] = key;
        var (desks, agentId) = await TouchedAsync(context, op);
        var decision = AccessRule.Decide(key, op, desks, agentId);
        if (!decision.Allowed)
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Not allowed for this key", "Forbidden", decision.Field, decision.Value, decision.Reason);
            return;
        }

        await next(context);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeys.Header, out var header) && header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0]!.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[7..].Trim();
        }

        // A browser cannot add a header to a page it navigates to: the dashboard asks for Basic
        // credentials instead, the key as the password (any user name).
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 && colon < pair.Length - 1 ? pair[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }

    // The field is the header, never the key itself: a secret, even a wrong one, is not echoed.
    private static Task Unauthorized(HttpContext context, ApiOperation operation, string title, string code, string detail)
    {
        if (operation == ApiOperation.Dashboard)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"SupportQueue dashboard: any user name, a cluster admin key as the password\", charset=\"UTF-8\"";
        }

        return Refuse(context, StatusCodes.Status401Unauthorized, title, code, ApiKeys.Header, null, detail);
    }

    private async Task<(List<string> Desks, string? AgentId)> TouchedAsync(HttpContext context, ApiOperation operation)
    {
        var values = context.Request.RouteValues;
        var desks = new List<string>();
        if (values.TryGetValue("deskId", out var desk) && desk is string deskId)
        {
            desks.Add(deskId);
        }

        // An id the endpoint refuses (blank, too long, control characters) is no grain key to look
        // up (a blank one throws): it names nothing to protect, and the endpoint answers its 400.
        var agentId = values.TryGetValue("agentId", out var agent) ? agent as string : null;
        if (agentId is not null && InputChecks.Id("agentId", agentId) is null && await DeskOfAgentAsync(agentId) is { } agentDesk)
        {
            desks.Add(agentDesk);
        }

        if (values.TryGetValue("ticketId", out var ticket) && ticket is string ticketId && InputChecks.Id("ticketId", ticketId) is null
            && await DeskOfTicketAsync(ticketId) is { } ticketDesk)
        {
            desks.Add(ticketDesk);
        }

        // A submit or an agent registration names its desk in the body.
        if (operation is ApiOperation.SubmitTicket or ApiOperation.RegisterAgent)
        {
            desks.AddRange(await BodyDesksAsync(context.Request));
        }

        return (desks, agentId);
    }

    private async Task<string?> DeskOfTicketAsync(string ticketId)
    {
        try
        {
            return (await grains.Ticket(ticketId).Get()).DeskId;
        }
        catch (SupportQueueException)
        {
            // Never submitted: nothing of any desk to protect; the endpoint answers 404.
            return null;
        }
    }

    private async Task<string?> DeskOfAgentAsync(string agentId)
    {
        try
        {
            return (await grains.Agent(agentId).Get()).DeskId;
        }
        catch (SupportQueueException)
        {
            return null;
        }
    }

    // A body of known length within the API's limit is read once, here: the desks it names come
    // from the bytes, and the endpoint reads the same bytes from memory. One whose length is over the
    // limit is not read at all: the endpoint refuses it (413) before it acts. A body without a length
    // is buffered, scanned and rewound.
    private static async Task<List<string>> BodyDesksAsync(HttpRequest request)
    {
        if (request.ContentLength > InputChecks.MaxBodyBytes)
        {
            return [];
        }

        if (request.ContentLength is { } length and <= InputChecks.MaxBodyBytes)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, request.HttpContext.RequestAborted);
            request.Body = new MemoryStream(body, writable: false);
            return BodyDesks.Scan(body);
        }

        request.EnableBuffering();
        try
        {
            using var buffered = new MemoryStream();
            await request.Body.CopyToAsync(buffered, request.HttpContext.RequestAborted);
            return BodyDesks.Scan(buffered.GetBuffer().AsSpan(0, (int)buffered.Length));
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static Task Refuse(HttpContext context, int status, string title, string code, string? field, string? value, string detail)
    {
        var problem = Problems.Create(status, code, field, value, detail);
        problem.Title = title;
        return Results.Problem(problem).ExecuteAsync(context);
    }
}
