using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Simulation;

/// <summary>What the desk did while settling: assignments made and tickets it escalated itself.</summary>
public enum JournalKind
{
    Assigned,
    WaitEscalated,
}

/// <summary>One thing the desk did, in the order it did it.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.JournalEntry")]
public readonly record struct JournalEntry(
    [property: Id(0)] JournalKind Kind,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] string Tier,
    [property: Id(4)] string? FromTier,
    [property: Id(5)] DateTimeOffset At);

/// <summary>
/// How the simulation reaches a desk. The fast driver calls the engine in-process; the grain
/// driver goes through the real grains. Both apply the same operations in the same order, so
/// for the same scenario and seed they produce the same outcomes.
/// Contract: every operation first applies the desk's deadlines due at its time.
/// </summary>
public interface IDeskDriver
{
    ValueTask Configure(string deskId, DeskSettings settings, IReadOnlyList<AgentSpec> agents, DateTimeOffset at);

    ValueTask<Placement> Submit(TicketSpec spec, DateTimeOffset at);

    ValueTask<Placement> Reopen(TicketSpec spec, DateTimeOffset at);

    ValueTask SetPresence(string agentId, Presence presence, DateTimeOffset at);

    ValueTask Resolve(string ticketId, string agentId, DateTimeOffset at);

    ValueTask<Placement> Escalate(string ticketId, string agentId, string reason, DateTimeOffset at);

    ValueTask Abandon(string ticketId, DateTimeOffset at);

    /// <summary>
    /// Applies the deadlines due at <paramref name="at"/> and makes every assignment possible;
    /// appends to <paramref name="journal"/> what happened since the last call, in order, and returns
    /// the desk's next deadline.
    /// </summary>
    ValueTask<DateTimeOffset?> Settle(DateTimeOffset at, List<JournalEntry> journal);
}

/// <summary>The in-process driver: the engine with every offer accepted at once (simulated agents never refuse).</summary>
public sealed class EngineDeskDriver : IDeskDriver
{
    private static readonly DeskSchedulerOptions _options = new() { ExpireOffers = false };
    private readonly List<JournalEntry> _pending = [];
    private DeskScheduler? _engine;

    public DeskScheduler Engine => _engine ?? throw new InvalidOperationException("not configured");

    public ValueTask Configure(string deskId, DeskSettings settings, IReadOnlyList<AgentSpec> agents, DateTimeOffset at)
    {
        _engine = new DeskScheduler(deskId, settings, options: _options);
        foreach (var agent in agents)
        {
            _engine.UpsertAgent(agent, Presence.Offline, at);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<Placement> Submit(TicketSpec spec, DateTimeOffset at)
    {
        Advance(at);
        return ValueTask.FromResult(Engine.Submit(spec, at));
    }

    public ValueTask<Placement> Reopen(TicketSpec spec, DateTimeOffset at)
    {
        Advance(at);
        return ValueTask.FromResult(Engine.Reopen(spec, at));
    }

    public ValueTask SetPresence(string agentId, Presence presence, DateTimeOffset at)
    {
        Advance(at);
        Engine.SetPresence(agentId, presence, at);
        return ValueTask.CompletedTask;
    }

    public ValueTask Resolve(string ticketId, string agentId, DateTimeOffset at)
    {
        Advance(at);
        Engine.Resolve(ticketId, agentId, at);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Placement> Escalate(string ticketId, string agentId, string reason, DateTimeOffset at)
    {
        Advance(at);
        return ValueTask.FromResult(Engine.Escalate(ticketId, agentId, reason, at));
    }

    public ValueTask Abandon(string ticketId, DateTimeOffset at)
    {
        Advance(at);
        Engine.Abandon(ticketId, at);
        return ValueTask.CompletedTask;
    }

    public ValueTask<DateTimeOffset?> Settle(DateTimeOffset at, List<JournalEntry> journal)
    {
        Advance(at);
        journal.AddRange(_pending);
        _pending.Clear();
        var engine = Engine;
        while (engine.TryAssignNext(at, out var assignment))
        {
            journal.Add(new JournalEntry(JournalKind.Assigned, assignment.TicketId, assignment.AgentId, assignment.Tier, null, at));
        }

        return ValueTask.FromResult(engine.NextDeadline);
    }

    private void Advance(DateTimeOffset at)
    {
        var actions = Engine.AdvanceTo(at);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (a.Kind == DeskActionKind.WaitEscalated)
            {
                _pending.Add(new JournalEntry(JournalKind.WaitEscalated, a.TicketId, null, a.ToTier, a.FromTier, a.At));
            }
        }
    }
}
