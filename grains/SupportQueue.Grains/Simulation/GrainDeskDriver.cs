using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

/// <summary>
/// The grain driver: every operation goes through the real Ticket, Agent and DeskScheduler grains,
/// as a live client and live agents would, with the silo's grain clock set to the operation's
/// virtual time first. The clock must be the <see cref="TimeProviderNames.Grains"/> clock of the
/// silo behind <paramref name="grains"/>, and nothing else may move it while a run is under way.
/// </summary>
public sealed class GrainDeskDriver(IGrainFactory grains, VirtualClock clock) : IDeskDriver
{
    private IDeskSchedulerGrain? _desk;

    private IDeskSchedulerGrain Desk => _desk ?? throw new InvalidOperationException("not configured");

    public async ValueTask Configure(string deskId, DeskSettings settings, IReadOnlyList<AgentSpec> agents, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var desk = grains.GetGrain<IDeskSchedulerGrain>(deskId);
        await desk.Configure(settings);
        await desk.EnableJournal();
        _desk = desk;

        // One at a time: the desk ranks agents in the order they first registered, as the engine does.
        foreach (var agent in agents)
        {
            await grains.GetGrain<IAgentGrain>(agent.AgentId).Register(agent);
        }
    }

    public async ValueTask<Placement> Submit(TicketSpec spec, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var ticket = await grains.GetGrain<ITicketGrain>(spec.TicketId).Submit(spec);
        return new Placement(ticket.Id, ticket.Tier!, null);
    }

    public async ValueTask<Placement> Reopen(TicketSpec spec, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var ticket = await grains.GetGrain<ITicketGrain>(spec.TicketId).Reopen("customer came back");
        return new Placement(ticket.Id, ticket.Tier!, null);
    }

    public async ValueTask SetPresence(string agentId, Presence presence, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        await grains.GetGrain<IAgentGrain>(agentId).SetPresence(presence);
    }

    public async ValueTask Resolve(string ticketId, string agentId, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        await grains.GetGrain<IAgentGrain>(agentId).Resolve(ticketId);
    }

    public async ValueTask<Placement> Escalate(string ticketId, string agentId, string reason, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        return await grains.GetGrain<IAgentGrain>(agentId).Escalate(ticketId, reason);
    }

    public async ValueTask Abandon(string ticketId, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        await grains.GetGrain<ITicketGrain>(ticketId).Abandon("customer ran out of patience");
    }

    public async ValueTask<DateTimeOffset?> Settle(DateTimeOffset at, List<JournalEntry> journal)
    {
        clock.SetUtcNow(at);
        var report = await Desk.DrainJournal();
        journal.AddRange(report.Entries);
        return report.NextDeadline;
    }
}
