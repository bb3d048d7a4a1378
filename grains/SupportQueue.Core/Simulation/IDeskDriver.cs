using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// How the simulation reaches a desk. The fast driver calls the engine in-process; the grain
/// driver goes through the real grains. Both apply the same operations in the same order, so
/// for the same scenario and seed they produce the same outcomes. Agents are named by their index
/// in the list given to <see cref="Configure"/>; a tier by its index in the desk's settings.
/// Contract: every operation first applies the desk's deadlines due at its time. An operation may
/// complete synchronously; the run then goes on without awaiting.
/// </summary>
public interface IDeskDriver
{
    ValueTask Configure(string deskId, DeskSettings settings, IReadOnlyList<AgentSpec> agents, DateTimeOffset at);

    /// <summary>Submits a new ticket; returns the index of the tier it was queued at.</summary>
    ValueTask<int> Submit(SimulatedTicket ticket, DateTimeOffset at);

    /// <summary>Takes a resolved ticket back; returns the index of the tier it was queued at.</summary>
    ValueTask<int> Reopen(SimulatedTicket ticket, DateTimeOffset at);

    ValueTask SetPresence(int agent, Presence presence, DateTimeOffset at);

    ValueTask Resolve(SimulatedTicket ticket, int agent, DateTimeOffset at);

    /// <summary>The agent escalates the ticket to the next tier; returns the index of the tier it was queued at.</summary>
    ValueTask<int> Escalate(SimulatedTicket ticket, int agent, string reason, DateTimeOffset at);

    ValueTask Abandon(SimulatedTicket ticket, DateTimeOffset at);

    /// <summary>
    /// Applies the deadlines due at <paramref name="at"/> and makes every assignment possible;
    /// appends to <paramref name="journal"/> what happened since the last call, in order, and returns
    /// the desk's next deadline in UTC ticks, <see cref="long.MaxValue"/> when there is none (a plain
    /// number rather than a nullable instant: the fast run calls this once per event).
    /// </summary>
    ValueTask<long> Settle(DateTimeOffset at, List<SettleEntry> journal);
}
