using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Grains;

namespace SupportQueue.Client.Api;

/// <summary>
/// The operations the CLI offers, over the grain interfaces. Commands stay thin and tests drive
/// the same calls against an in-process cluster without going through argument parsing.
/// </summary>
public sealed class SupportQueueApi(IGrainFactory grains, TimeProvider? clock = null)
{
    /// <summary>How long a command waits for the desk to deliver its offers before reporting.</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The cluster's grains, for work that goes past the ticket and agent operations (simulations).</summary>
    public IGrainFactory Grains => grains;

    public async Task<DeskSettings> ConfigureDesk(string deskId, DeskSettings settings)
    {
        var desk = Desk(deskId);
        await desk.Configure(settings);
        return await desk.GetSettings();
    }

    /// <summary>Every configured desk's id, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> ListDesks()
    {
        var page = await grains.DeskRegistry().List(0, int.MaxValue);
        return page.DeskIds;
    }

    /// <summary>The agents in a desk's pools with presence and load.</summary>
    public async Task<IReadOnlyList<DeskAgent>> ListAgents(string deskId) => await Desk(deskId).GetAgents();

    public Task<DeskSettings> GetDeskSettings(string deskId) => Desk(deskId).GetSettings();

    public Task<DeskStatus> GetDeskStatus(string deskId) => Desk(deskId).GetStatus();

    public Task<Core.Cumulative.DeskStatisticsReport> GetDeskStatistics(string deskId) => Desk(deskId).GetStatistics();

    /// <summary>
    /// Waits until the desk has delivered pending offers, so what a command prints afterwards
    /// (who got the ticket) is the settled outcome. False when the desk did not settle in time.
    /// </summary>
    public async Task<bool> Settle(string deskId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Desk(deskId).WhenIdle().WaitAsync(SettleTimeout, _clock, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public Task<Agent> AddAgent(AgentSpec spec) => Agent(spec.AgentId).Register(spec);

    public Task<Agent> GetAgent(string agentId) => Agent(agentId).Get();

    public async Task<Agent> SetPresence(string agentId, Presence presence, CancellationToken cancellationToken = default)
    {
        var agent = Agent(agentId);
        await agent.SetPresence(presence);
        var current = await agent.Get();
        await Settle(current.DeskId, cancellationToken);
        return await agent.Get();
    }

    public async Task<TicketView> Resolve(string agentId, string ticketId)
    {
        await Agent(agentId).Resolve(ticketId);
        return await GetTicket(ticketId);
    }

    public async Task<(Placement Placement, TicketView Ticket)> Escalate(string agentId, string ticketId, string reason, string? toTier, CancellationToken cancellationToken = default)
    {
        var placement = await Agent(agentId).Escalate(ticketId, reason, toTier);
        var ticket = await GetTicket(ticketId);
        await Settle(ticket.Ticket.DeskId, cancellationToken);
        return (placement, await GetTicket(ticketId));
    }

    public async Task<SubmitResult> SubmitTicket(TicketSpec spec, CancellationToken cancellationToken = default)
    {
        var ticket = await Ticket(spec.TicketId).Submit(spec);
        var settled = await Settle(ticket.DeskId, cancellationToken);
        return new SubmitResult(await Ticket(spec.TicketId).Get(), settled);
    }

    public async Task<TicketView> GetTicket(string ticketId)
    {
        var ticket = await Ticket(ticketId).Get();
        return new TicketView(ticket, ticket.EvaluateSla(_clock.GetUtcNow()));
    }

    public async Task<TicketView> Abandon(string ticketId, string reason)
    {
        await Ticket(ticketId).Abandon(reason);
        return await GetTicket(ticketId);
    }

    public async Task<SubmitResult> Reopen(string ticketId, string reason, CancellationToken cancellationToken = default)
    {
        var ticket = await Ticket(ticketId).Reopen(reason);
        var settled = await Settle(ticket.DeskId, cancellationToken);
        return new SubmitResult(await Ticket(ticketId).Get(), settled);
    }

    private IDeskSchedulerGrain Desk(string deskId) => grains.Desk(deskId);

    private IAgentGrain Agent(string agentId) => grains.Agent(agentId);

    private ITicketGrain Ticket(string ticketId) => grains.Ticket(ticketId);
}
