namespace SupportQueue.Grains;

/// <summary>
/// In-silo notification that an agent grain has taken a ticket (the ticket recorded the assignment
/// and the agent stored it). For instrumentation such as the load tests' submit→assign clock; register
/// implementations as singletons in the silo's services. None are registered by default.
/// </summary>
public interface IAssignmentObserver
{
    /// <summary>Runs on the agent's activation right after the assignment is stored: return quickly, do not throw.</summary>
    /// <param name="ticketId">The ticket taken.</param>
    /// <param name="agentId">The agent that took it.</param>
    void OnAssigned(string ticketId, string agentId);
}
