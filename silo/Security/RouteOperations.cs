namespace SupportQueue.Silo.Security;

/// <summary>
/// Which <see cref="ApiOperation"/> each route is. Routes outside the API (health, metrics, the
/// OpenAPI document and its reference page) are public; any other route missing from the table
/// stops the silo at start-up (<see cref="SecurityPipeline"/>), so a new route cannot go unguarded.
/// </summary>
public static class RouteOperations
{
    private static readonly Dictionary<(string Method, string Pattern), ApiOperation> _table = new()
    {
        [("GET", "/desks")] = ApiOperation.ListDesks,
        [("GET", "/desks/{deskId}")] = ApiOperation.ReadDesk,
        [("PUT", "/desks/{deskId}")] = ApiOperation.ConfigureDesk,
        [("GET", "/desks/{deskId}/settings")] = ApiOperation.ReadDesk,
        [("GET", "/desks/{deskId}/status")] = ApiOperation.ReadDeskStatus,
        [("GET", "/desks/{deskId}/statistics")] = ApiOperation.ReadDeskStatus,
        [("GET", "/desks/{deskId}/agents")] = ApiOperation.ListDeskAgents,
        [("GET", "/desks/{deskId}/tiers/{tier}/waiting")] = ApiOperation.ListWaitingTickets,
        [("GET", "/desks/{deskId}/export")] = ApiOperation.ExportDeskHistory,
        [("POST", "/tickets")] = ApiOperation.SubmitTicket,
        [("GET", "/tickets/{ticketId}")] = ApiOperation.ReadTicket,
        [("POST", "/tickets/{ticketId}/abandon")] = ApiOperation.ChangeTicket,
        [("POST", "/tickets/{ticketId}/cancel")] = ApiOperation.ChangeTicket,
        [("POST", "/tickets/{ticketId}/reopen")] = ApiOperation.ChangeTicket,
        [("PUT", "/agents/{agentId}")] = ApiOperation.RegisterAgent,
        [("GET", "/agents/{agentId}")] = ApiOperation.ReadAgent,
        [("PUT", "/agents/{agentId}/presence/{presence}")] = ApiOperation.ActAsAgent,
        [("POST", "/agents/{agentId}/tickets/{ticketId}/resolve")] = ApiOperation.ActAsAgent,
        [("POST", "/agents/{agentId}/tickets/{ticketId}/escalate")] = ApiOperation.ActAsAgent,
        [("GET", "/agents/{agentId}/assignments")] = ApiOperation.ActAsAgent,
        [("GET", "/agents/{agentId}/assignments/stream")] = ApiOperation.ActAsAgent,
        [("GET", "/wallboard/{deskId}/data")] = ApiOperation.Wallboard,
        [("GET", "/wallboard/{deskId}/events")] = ApiOperation.Wallboard,
    };

    private static readonly string[] _publicPrefixes = ["/health", "/metrics", "/openapi", "/scalar"];

    // The wallboard page itself holds no data: it asks for a key and sends it with its data requests.
    private static readonly HashSet<string> _publicPages = new(StringComparer.Ordinal) { "/wallboard/{deskId}" };

    /// <summary>Every classified route, for tests and the start-up check.</summary>
    public static IReadOnlyDictionary<(string Method, string Pattern), ApiOperation> Table => _table;

    /// <summary>True for routes anyone may call (probes, metrics, the API's own description).</summary>
    public static bool IsPublic(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (_publicPages.Contains(pattern))
        {
            return true;
        }

        // A prefix itself, or a route under it ("/metrics/...", "/openapi/{documentName}.json"); checked
        // on every request, so without building strings.
        foreach (var prefix in _publicPrefixes)
        {
            if (pattern.StartsWith(prefix, StringComparison.Ordinal) && (pattern.Length == prefix.Length || pattern[prefix.Length] is '/' or '{'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation of a route, or null when the route is not in the table.</summary>
    public static ApiOperation? Classify(string method, string pattern)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pattern);
        var normal = Normalize(pattern);
        if (normal.StartsWith("/dashboard", StringComparison.Ordinal))
        {
            return ApiOperation.Dashboard;
        }

        return _table.TryGetValue((method.ToUpperInvariant(), normal), out var operation) ? operation : null;
    }

    /// <summary>Leading slash, no trailing one: a group's "/" route is the group itself.</summary>
    public static string Normalize(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        // Most patterns already are (every request's is normalized): no new string for those.
        var normal = pattern.Length > 1 && pattern[0] == '/' && pattern[^1] != '/' && pattern[1] != '/';
        return normal ? pattern : "/" + pattern.Trim('/');
    }
}
