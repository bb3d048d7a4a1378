namespace SupportQueue.Silo.Security;

/// <summary>
/// The one authorization rule: role × operation × desk (× agent). Pure, so it is tested as a table;
/// the middleware only works out the operation and the desk and agent a request touches.
/// </summary>
public static class AccessRule
{
    /// <param name="key">The caller's key (never a revoked one: the store does not return those).</param>
    /// <param name="operation">What the request does.</param>
    /// <param name="deskIds">Every desk the request touches (a ticket's or agent's desk, a body's desk); empty for cluster-wide operations.</param>
    /// <param name="agentId">The agent the request acts as or on, if any.</param>
    public static AccessDecision Decide(ApiKeyRecord key, ApiOperation operation, IReadOnlyCollection<string> deskIds, string? agentId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(deskIds);
        var clusterAdmin = key.Role == ApiRole.Admin && key.DeskId == ApiKeyRecord.AllDesks;
        if (clusterAdmin)
        {
            return AccessDecision.Allow;
        }

        if (operation is ApiOperation.ListDesks or ApiOperation.Dashboard)
        {
            return AccessDecision.Deny($"{operation} spans every desk: it needs a cluster admin key (desk '{ApiKeyRecord.AllDesks}')");
        }

        foreach (var desk in deskIds)
        {
            if (!string.Equals(desk, key.DeskId, StringComparison.Ordinal))
            {
                return AccessDecision.Deny($"the key is for desk '{key.DeskId}', not '{desk}'", "deskId", desk);
            }
        }

        return key.Role switch
        {
            ApiRole.Admin => AccessDecision.Allow,
            ApiRole.Agent => Agent(key, operation, agentId),
            ApiRole.Submitter => operation is ApiOperation.SubmitTicket or ApiOperation.ReadTicket or ApiOperation.ChangeTicket or ApiOperation.Wallboard
                ? AccessDecision.Allow
                : AccessDecision.Deny($"a submitter key may submit and read tickets, not {operation}"),
            _ => AccessDecision.Deny($"unknown role {key.Role}"),
        };
    }

    private static AccessDecision Agent(ApiKeyRecord key, ApiOperation operation, string? agentId) => operation switch
    {
        ApiOperation.ReadAgent or ApiOperation.ActAsAgent => string.Equals(agentId, key.AgentId, StringComparison.Ordinal)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"an agent key acts only as agent '{key.AgentId}', not '{agentId}'", "agentId", agentId),
        ApiOperation.ReadTicket or ApiOperation.ReadDeskStatus or ApiOperation.Wallboard => AccessDecision.Allow,
        _ => AccessDecision.Deny($"an agent key may act as its agent and read its desk's tickets, not {operation}"),
    };
}
