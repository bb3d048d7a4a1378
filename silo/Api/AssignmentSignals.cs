using System.Collections.Concurrent;
using SupportQueue.Grains;

namespace SupportQueue.Silo.Api;

/// <summary>
/// Wakes long-polls for an agent's assignments when an agent grain on this silo takes a ticket, so
/// an agent desktop hears of new work at once without polling. Agents on other silos are caught by
/// the long-poll's periodic re-read instead.
/// </summary>
internal sealed class AssignmentSignals : IAssignmentObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>Completes at the next assignment to <paramref name="agentId"/> on this silo.</summary>
    public Task NextAssignment(string agentId) =>
        _waiting.GetOrAdd(agentId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>How many agents have a waiter now.</summary>
    internal int Listening => _waiting.Count;

    /// <summary>Drops <paramref name="signal"/>'s waiter if it is still the agent's (the agent turned out unknown).</summary>
    public void Forget(string agentId, Task signal)
    {
        if (_waiting.TryGetValue(agentId, out var waiters) && waiters.Task == signal)
        {
            _waiting.TryRemove(KeyValuePair.Create(agentId, waiters));
        }
    }

    public void OnAssigned(string ticketId, string agentId)
    {
        if (_waiting.TryRemove(agentId, out var waiters))
        {
            waiters.TrySetResult();
        }
    }
}
