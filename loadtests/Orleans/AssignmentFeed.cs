using SupportQueue.Grains;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// Tells the load target the moment an agent grain takes a ticket. Registered as an
/// <see cref="IAssignmentObserver"/> on in-process silos only: it runs on the agent's activation right
/// after the assignment is stored, so submit→assign is measured to within microseconds instead of a
/// polling interval. (An incoming call filter did this before; any filter puts every grain call of the
/// silo, storage calls included, through Orleans' slower invoker path, which cost several per cent of
/// CPU and allocations in the process being measured.)
/// </summary>
public sealed class AssignmentFeed : IAssignmentObserver
{
    private volatile Action<string, string>? _subscriber;

    /// <summary>Receives (ticket id, agent id); must return quickly, it runs on the silo's scheduler.</summary>
    public void Subscribe(Action<string, string>? onAssigned) => _subscriber = onAssigned;

    /// <inheritdoc/>
    public void OnAssigned(string ticketId, string agentId) => _subscriber?.Invoke(ticketId, agentId);
}
