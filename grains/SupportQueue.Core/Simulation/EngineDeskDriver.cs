using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// The in-process driver: the engine with every offer accepted at once (simulated agents never
/// refuse). It addresses the desk's tickets and agents by handle, so no id is built or looked up.
/// </summary>
public sealed class EngineDeskDriver : IDeskDriver
{
    private static readonly DeskSchedulerOptions _options = new() { ExpireOffers = false };
    private readonly List<SettleEntry> _pending = [];
    private readonly List<int> _actionTickets = [];
    private readonly Dictionary<TicketClassSpec, TicketProfile> _profiles = new(ReferenceEqualityComparer.Instance);
    /// <summary>
    /// The run's ticket by desk handle. Wrapped in a struct: storing a reference into an array of a
    /// non-sealed class type costs a type check per store, storing it into a struct field does not.
    /// </summary>
    private TicketSlot[] _byHandle = new TicketSlot[64];
    private int[] _agentHandles = [];
    private int[] _agentIndex = [];
    private DeskScheduler? _engine;
    private TicketClassSpec? _lastClass;
    private TicketProfile? _lastProfile;

    public DeskScheduler Engine => _engine ?? NotConfigured();

    public ValueTask Configure(string deskId, DeskSettings settings, IReadOnlyList<AgentSpec> agents, DateTimeOffset at)
    {
        var engine = new DeskScheduler(deskId, settings, options: _options);
        _agentHandles = new int[agents.Count];
        for (var i = 0; i < agents.Count; i++)
        {
            engine.UpsertAgent(agents[i], Presence.Offline, at);
            _agentHandles[i] = engine.AgentHandle(agents[i].AgentId);
        }

        _agentIndex = new int[agents.Count];
        for (var i = 0; i < agents.Count; i++)
        {
            _agentIndex[_agentHandles[i]] = i;
        }

        _engine = engine;
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> Submit(SimulatedTicket ticket, DateTimeOffset at)
    {
        Advance(at);
        var handle = Engine.Submit(null, Profile(ticket.Class), at, out var tier);
        Track(ticket, handle);
        return new ValueTask<int>(tier);
    }

    public ValueTask<int> Reopen(SimulatedTicket ticket, DateTimeOffset at)
    {
        Advance(at);
        var handle = Engine.Reopen(null, Profile(ticket.Class), at, out var tier);
        Track(ticket, handle);
        return new ValueTask<int>(tier);
    }

    public ValueTask SetPresence(int agent, Presence presence, DateTimeOffset at)
    {
        Advance(at);
        Engine.SetPresence(_agentHandles[agent], presence, at);
        return ValueTask.CompletedTask;
    }

    public ValueTask Resolve(SimulatedTicket ticket, int agent, DateTimeOffset at)
    {
        Advance(at);
        Engine.Resolve(ticket.DriverHandle, _agentHandles[agent], at);
        Untrack(ticket);
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> Escalate(SimulatedTicket ticket, int agent, string reason, DateTimeOffset at)
    {
        Advance(at);
        return new ValueTask<int>(Engine.Escalate(ticket.DriverHandle, _agentHandles[agent], reason, at));
    }

    public ValueTask Abandon(SimulatedTicket ticket, DateTimeOffset at)
    {
        Advance(at);
        Engine.Abandon(ticket.DriverHandle, at);
        Untrack(ticket);
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> Settle(DateTimeOffset at, List<SettleEntry> journal)
    {
        Advance(at);
        if (_pending.Count > 0)
        {
            journal.AddRange(_pending);
            _pending.Clear();
        }

        var engine = Engine;
        if (engine.MayAssign)
        {
            AssignAll(engine, at, journal);
        }

        return new ValueTask<long>(engine.NextDeadlineTicks);
    }

    /// <summary>
    /// Every assignment possible now, in order. Out of line: about half the events leave nothing to
    /// assign, and they then skip this frame and its set-up.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AssignAll(DeskScheduler engine, DateTimeOffset at, List<SettleEntry> journal)
    {
        while (engine.TryAssignNext(at, out var assignment))
        {
            journal.Add(new SettleEntry(JournalKind.Assigned, _byHandle[assignment.Ticket].Ticket!, _agentIndex[assignment.Agent], assignment.Tier, at));
        }
    }

    /// <summary>Out of line, so <see cref="Engine"/> inlines into every operation.</summary>
    [DoesNotReturn]
    private static DeskScheduler NotConfigured() => throw new InvalidOperationException("not configured");

    private TicketProfile Profile(TicketClassSpec ticketClass)
    {
        // Runs of one class are common (a single-class scenario is all one run): skip the lookup.
        if (ReferenceEquals(ticketClass, _lastClass))
        {
            return _lastProfile!;
        }

        if (!_profiles.TryGetValue(ticketClass, out var profile))
        {
            profile = TicketProfile.Create(ticketClass.Priority, ticketClass.Skills.IsDefault ? null : ticketClass.Skills, ticketClass.EntryTier);
            _profiles.Add(ticketClass, profile);
        }

        _lastClass = ticketClass;
        _lastProfile = profile;
        return profile;
    }

    private void Track(SimulatedTicket ticket, int handle)
    {
        if (handle >= _byHandle.Length)
        {
            Array.Resize(ref _byHandle, Math.Max(handle + 1, _byHandle.Length * 2));
        }

        _byHandle[handle].Ticket = ticket;
        ticket.DriverHandle = handle;
    }

    private void Untrack(SimulatedTicket ticket)
    {
        _byHandle[ticket.DriverHandle].Ticket = null;
        ticket.DriverHandle = -1;
    }

    /// <summary>Applies the desk's deadlines due at <paramref name="at"/>; every operation starts here, and usually nothing is due.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance(DateTimeOffset at)
    {
        // Unconfigured: nothing to advance; the operation itself reports it.
        if (_engine is { } engine && engine.IsDue(at))
        {
            AdvanceDue(at);
        }
    }

    private void AdvanceDue(DateTimeOffset at)
    {
        var engine = Engine;
        _actionTickets.Clear();
        var actions = engine.AdvanceTo(at, _actionTickets);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (a.Kind == DeskActionKind.WaitEscalated)
            {
                _pending.Add(new SettleEntry(JournalKind.WaitEscalated, _byHandle[_actionTickets[i]].Ticket!, -1, engine.Settings.TierIndex(a.ToTier), a.At));
            }
        }
    }

    private struct TicketSlot
    {
        public SimulatedTicket? Ticket;
    }
}
