namespace SupportQueue.Core.Routing;

/// <summary>
/// What the desk remembers to recognise an agent's retry: a resolve or escalate whose first attempt
/// reached the desk but whose answer was lost before the ticket's own record was stored (its silo
/// died in between). A recognised retry changes nothing and is not refused.
/// </summary>
internal sealed class RetryLedger
{
    /// <summary>Resolutions by id the desk still recognises as retries: the last this many.</summary>
    private const int RecentResolutions = 16_384;

    private readonly Dictionary<string, string> _resolvedBy = new(StringComparer.Ordinal);
    private readonly Queue<string> _resolvedOrder = new();

    /// <summary>Whether <paramref name="agentId"/> resolved <paramref name="ticketId"/> recently (the caller checked it is closed).</summary>
    public bool IsResolveRetry(string ticketId, string agentId) =>
        _resolvedBy.TryGetValue(ticketId, out var by) && by == agentId;

    public void RememberResolved(string ticketId, string agentId)
    {
        if (_resolvedBy.TryAdd(ticketId, agentId))
        {
            _resolvedOrder.Enqueue(ticketId);
        }
        else
        {
            _resolvedBy[ticketId] = agentId;
        }

        if (_resolvedOrder.Count > RecentResolutions)
        {
            _resolvedBy.Remove(_resolvedOrder.Dequeue());
        }
    }

    /// <summary>
    /// Whether an escalation by <paramref name="agentId"/> repeats <paramref name="first"/>: the same
    /// agent, and the same target asked for (the policy's choice both times, or the same named tier;
    /// <paramref name="requestedTier"/> is that tier's index, -1 when unknown).
    /// </summary>
    public static bool IsEscalationRepeat(AgentEscalation first, string agentId, bool policyChooses, int requestedTier) =>
        string.Equals(first.Unconfirmed.AgentId, agentId, StringComparison.Ordinal)
        && (policyChooses ? first.RequestedTier < 0 : first.RequestedTier >= 0 && requestedTier == first.RequestedTier);
}
