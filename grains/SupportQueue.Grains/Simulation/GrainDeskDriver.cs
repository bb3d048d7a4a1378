using Microsoft.Extensions.Time.Testing;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

/// <summary>
/// The grain driver: every operation goes through the real Ticket, Agent and DeskScheduler grains,
/// as a live client and live agents would, with the silo's grain clock set to the operation's
/// virtual time first. The clock must be the <see cref="TimeProviderNames.Grains"/> clock of the
/// silo behind <paramref name="grains"/>, and nothing else may move it while a run is under way.
/// </summary>
public sealed class GrainDeskDriver(IGrainFactory grains, FakeTimeProvider clock) : IDeskDriver
{
    /// <summary>Tickets the desk may still report, by id: from submit or reopen until resolved or abandoned.</summary>
    private readonly Dictionary<string, SimulatedTicket> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _agentIndex = new(StringComparer.Ordinal);

    // Closed since the last settle. Forgotten only after it: the desk may still report on them in the
    // same step (an escalation falling due at the very moment the customer left).
    private readonly List<string> _closed = [];
    private IDeskSchedulerGrain? _desk;
    private IDeskDiagnostics? _journal;
    private string _deskId = "";
    private DeskSettings _settings = DeskSettings.Default;
    private string[] _agentIds = [];

    private IDeskSchedulerGrain Desk => _desk ?? throw new InvalidOperationException("not configured");

    public async ValueTask Configure(string deskId, DeskSettings settings, IReadOnlyList<AgentSpec> agents, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var desk = grains.Desk(deskId);
        await desk.Configure(settings);
        var journal = desk.AsReference<IDeskDiagnostics>();
        await journal.EnableJournal();
        _desk = desk;
        _journal = journal;
        _deskId = deskId;
        _settings = settings;
        _agentIds = [.. agents.Select(a => a.AgentId)];
        for (var i = 0; i < _agentIds.Length; i++)
        {
            _agentIndex.Add(_agentIds[i], i);
        }

        // One at a time: the desk ranks agents in the order they first registered, as the engine does.
        foreach (var agent in agents)
        {
            await grains.Agent(agent.AgentId).Register(agent);
        }
    }

    public async ValueTask<int> Submit(SimulatedTicket ticket, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var c = ticket.Class;
        var spec = new TicketSpec(ticket.Id, _deskId, c.Priority, c.Skills.IsDefault ? [] : c.Skills, c.EntryTier);
        var submitted = await grains.Ticket(ticket.Id).Submit(spec);
        _tickets[ticket.Id] = ticket;
        return _settings.TierIndex(submitted.Tier);
    }

    public async ValueTask<int> Reopen(SimulatedTicket ticket, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var reopened = await grains.Ticket(ticket.Id).Reopen("customer came back");
        _tickets[ticket.Id] = ticket;
        return _settings.TierIndex(reopened.Tier);
    }

    public async ValueTask SetPresence(int agent, Presence presence, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        await grains.Agent(_agentIds[agent]).SetPresence(presence);
    }

    public async ValueTask Resolve(SimulatedTicket ticket, int agent, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        await grains.Agent(_agentIds[agent]).Resolve(ticket.Id);
        _closed.Add(ticket.Id);
    }

    public async ValueTask<int> Escalate(SimulatedTicket ticket, int agent, string reason, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var placement = await grains.Agent(_agentIds[agent]).Escalate(ticket.Id, reason);
        return _settings.TierIndex(placement.Tier);
    }

    public async ValueTask Abandon(SimulatedTicket ticket, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        await grains.Ticket(ticket.Id).Abandon("customer ran out of patience");
        _closed.Add(ticket.Id);
    }

    public async ValueTask<long> Settle(DateTimeOffset at, List<SettleEntry> journal)
    {
        clock.SetUtcNow(at);
        var report = await (_journal ?? throw new InvalidOperationException("not configured")).DrainJournal();
        foreach (var entry in report.Entries)
        {
            var agent = entry.AgentId is { } id ? _agentIndex[id] : -1;
            journal.Add(new SettleEntry(entry.Kind, _tickets[entry.TicketId], agent, _settings.TierIndex(entry.Tier), entry.At));
        }

        foreach (var id in _closed)
        {
            _tickets.Remove(id);
        }

        _closed.Clear();

        return report.NextDeadline is { } deadline ? deadline.UtcTicks : long.MaxValue;
    }
}
