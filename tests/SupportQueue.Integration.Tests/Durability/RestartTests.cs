using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Integration.Tests.Postgres;

namespace SupportQueue.Integration.Tests.Durability;

/// <summary>A whole cluster stops and a fresh one starts on the same database: the desk must carry on where it was.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RestartTests(PostgresServer server)
{
    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Desk_agents_and_tickets_survive_a_full_cluster_restart_and_routing_continues()
    {
        await using var db = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(DurableCluster.Start);
        const string desk = "desk-restart";
        var settings = DeskSettings.Default with
        {
            Selection = AgentSelection.LeastBusy,
            Sla = [new SlaTarget(Priority.P2, TimeSpan.FromMinutes(30), TimeSpan.FromHours(4))],
            ReservationTimeout = TimeSpan.FromSeconds(45),
        };

        // Before: L1 has room for three tickets (1 + 2), L2 is on a break, L3 is offline.
        var agents = new (string Id, string Tier, int Capacity, Presence Presence)[]
        {
            ("l1-a", "L1", 1, Presence.Available),
            ("l1-b", "L1", 2, Presence.Available),
            ("l2-a", "L2", 1, Presence.Break),
            ("l3-a", "L3", 1, Presence.Offline),
        };
        var tickets = Enumerable.Range(1, 6).Select(i => $"t-{i}").ToList();
        const string l3Ticket = "t-l3";
        var before = new Dictionary<string, Agent>();
        var silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "restart", clock);
        try
        {
            var grains = silo.Grains();
            await grains.GetGrain<IDeskSchedulerGrain>(desk).Configure(settings);
            foreach (var (id, tier, capacity, presence) in agents)
            {
                await grains.GetGrain<IAgentGrain>(id).Register(new AgentSpec(id, desk, tier, [], capacity));
                if (presence != Presence.Offline)
                {
                    await grains.GetGrain<IAgentGrain>(id).SetPresence(presence);
                }
            }

            foreach (var id in tickets)
            {
                // Distinct creation times, so queue order after the restart is not a tie.
                clock.Advance(TimeSpan.FromSeconds(1));
                await grains.GetGrain<ITicketGrain>(id).Submit(new TicketSpec(id, desk, Priority.P2, []));
                await grains.GetGrain<IDeskSchedulerGrain>(desk).WhenIdle();
            }

            await grains.GetGrain<ITicketGrain>(l3Ticket).Submit(new TicketSpec(l3Ticket, desk, Priority.P3, [], EntryTier: "L3"));
            await grains.GetGrain<IDeskSchedulerGrain>(desk).WhenIdle();

            var status = await grains.GetGrain<IDeskSchedulerGrain>(desk).GetStatus();
            Assert.Equal((3, 3, 1), (status.Tiers[0].Queued, status.Tiers[0].Assigned, status.Tiers[2].Queued));
            foreach (var (id, _, _, _) in agents)
            {
                before[id] = await grains.GetGrain<IAgentGrain>(id).Get();
            }

            Assert.Equal(["t-1"], before["l1-a"].Assignments);
            Assert.Equal(["t-2", "t-3"], before["l1-b"].Assignments);
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "restart", clock);
        try
        {
            var grains = silo.Grains();
            var deskGrain = grains.GetGrain<IDeskSchedulerGrain>(desk);
            Assert.Equal(JsonSerializer.Serialize(settings), JsonSerializer.Serialize(await deskGrain.GetSettings()));
            foreach (var (id, tier, capacity, presence) in agents)
            {
                var agent = await grains.GetGrain<IAgentGrain>(id).Get();
                Assert.Equal((tier, capacity, presence), (agent.Tier, agent.Capacity, agent.Presence));
                Assert.Equal(before[id].Assignments, agent.Assignments);
            }

            // Held tickets come back with the desk's activation; waiting ones once their reminders tick.
            await DurableCluster.WaitUntilAsync(async () =>
            {
                var s = await deskGrain.GetStatus();
                var seen = string.Join("; ", s.Tiers.Select(t => $"{t.Tier} queued {t.Queued} offered {t.Offered} assigned {t.Assigned}"));
                return (s.Tiers[0].Queued == 3 && s.Tiers[0].Assigned == 3 && s.Tiers[2].Queued == 1, seen);
            }, _settle, "the restarted desk to hold 3 assigned and 3 + 1 queued tickets");

            var status = await deskGrain.GetStatus();
            Assert.Equal((0, 0, 0), (status.Tiers[0].FreeCapacity, status.Tiers[0].Offered, status.Tiers[1].Available));
            Assert.Equal((2, 1, 1), (status.Tiers[0].Available, status.Tiers[1].OnBreak, status.Tiers[2].Offline));
            Assert.Equal(7, status.Open);
            await deskGrain.CheckInvariants();

            // Routing carries on: l1-a finishes t-1 and gets the oldest waiting ticket, t-4.
            await grains.GetGrain<IAgentGrain>("l1-a").Resolve("t-1");

            // A resolve retried after its answer was lost (a silo died) must not fail for good.
            await grains.GetGrain<ITicketGrain>("t-1").Resolve("l1-a");
            await Assert.ThrowsAsync<SupportQueueException>(() => grains.GetGrain<ITicketGrain>("t-1").Resolve("l1-b"));
            await deskGrain.WhenIdle();
            var next = await grains.GetGrain<ITicketGrain>("t-4").Get();
            Assert.Equal((TicketStatus.Assigned, "l1-a"), (next.Status, next.AgentId));
            Assert.Equal(["t-4"], (await grains.GetGrain<IAgentGrain>("l1-a").Get()).Assignments);
            status = await deskGrain.GetStatus();
            Assert.Equal((2, 3, 1L), (status.Tiers[0].Queued, status.Tiers[0].Assigned, status.Resolved));
            await deskGrain.CheckInvariants();

        }
        finally
        {
            await silo.StopQuietlyAsync();
        }
    }

    private static readonly TimeSpan _firstResponseTarget = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task A_wait_timeout_that_ran_out_during_a_restart_escalates_at_its_deadline()
    {
        await using var db = await server.CreateDatabaseAsync();

        // One virtual timeline for grains and reminders: a reminder only ticks when the test moves time.
        var clock = new FakeTimeProvider(DurableCluster.Start);
        const string desk = "desk-timeout";
        var waitLimit = TimeSpan.FromMinutes(30);
        var settings = DeskSettings.Default with
        {
            Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: waitLimit)],
            Sla = [new SlaTarget(Priority.P3, _firstResponseTarget, null)],
        };
        Ticket submitted;
        var silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "timeout", clock, clock);
        try
        {
            var grains = silo.Grains();
            await grains.GetGrain<IDeskSchedulerGrain>(desk).Configure(settings);
            await grains.GetGrain<IAgentGrain>("l2-only").Register(new AgentSpec("l2-only", desk, "L2", [], 1));
            submitted = await grains.GetGrain<ITicketGrain>("waiting").Submit(new TicketSpec("waiting", desk, Priority.P3, []));
            clock.Advance(TimeSpan.FromMinutes(10));
            await grains.GetGrain<IDeskSchedulerGrain>(desk).WhenIdle();
            Assert.Equal(("L1", TicketStatus.Queued), ((await grains.GetGrain<ITicketGrain>("waiting").Get()).Tier, (await grains.GetGrain<ITicketGrain>("waiting").Get()).Status));
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }

        silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "timeout", clock, clock);
        try
        {
            var grains = silo.Grains();
            var ticket = grains.GetGrain<ITicketGrain>("waiting");

            // Past the deadline while no desk knows the ticket: only the reminder can bring it back.
            clock.Advance(TimeSpan.FromMinutes(25));
            await DurableCluster.WaitUntilAsync(async () =>
            {
                // A reminder due while the service was still loading ticks on the next move of time.
                clock.Advance(DurableCluster.ReconcilePeriod);
                var t = await ticket.Get();
                return (t.Tier == "L2", $"{t.Status} at {t.Tier}");
            }, _settle, "the ticket to be escalated to L2");

            var escalated = await ticket.Get();
            Assert.Equal(TicketStatus.Queued, escalated.Status);
            var escalation = Assert.Single(escalated.History, e => e.Kind == TicketEventKind.Escalated);
            Assert.Equal(submitted.CreatedAt + waitLimit, escalation.At);
            Assert.Contains("waited more than", escalation.Reason, StringComparison.Ordinal);
            Assert.Equal(("L2", submitted.CreatedAt + waitLimit), (escalated.History[^1].Tier, escalated.History[^1].At));

            // The SLA clock rides the same durable reminder: the first-response target passed while
            // the cluster was down, and is recorded at the moment it passed.
            var breach = Assert.Single(escalated.History, e => e.Kind == TicketEventKind.SlaBreached);
            Assert.Equal(submitted.CreatedAt + _firstResponseTarget, breach.At);

            var status = await grains.GetGrain<IDeskSchedulerGrain>(desk).GetStatus();
            Assert.Equal((0, 1, 1L), (status.Tiers[0].Queued, status.Tiers[1].Queued, status.Escalations));
            await grains.GetGrain<IDeskSchedulerGrain>(desk).CheckInvariants();
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }
    }

    [Fact]
    public async Task A_ticket_the_desk_queued_but_whose_submit_never_stored_it_is_withdrawn_not_offered_forever()
    {
        await using var db = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(DurableCluster.Start);
        const string desk = "desk-phantom";
        var silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "phantom", clock);
        try
        {
            var grains = silo.Grains();
            var deskGrain = grains.GetGrain<IDeskSchedulerGrain>(desk);
            await deskGrain.Configure(DeskSettings.Default);
            await grains.GetGrain<IAgentGrain>("agent").Register(new AgentSpec("agent", desk, "L1", [], 1));
            await grains.GetGrain<IAgentGrain>("agent").SetPresence(Presence.Available);

            // What a submit leaves behind when its silo dies after the desk queued the ticket and
            // before the ticket was stored: the desk knows it, storage does not, nobody was told yes.
            await deskGrain.Submit(new TicketSpec("phantom", desk, Priority.P1, []), clock.GetUtcNow());
            await deskGrain.WhenIdle().WaitAsync(TimeSpan.FromSeconds(20));

            var status = await deskGrain.GetStatus();
            Assert.Equal((0, 0, 0), (status.Open, status.Tiers[0].Queued, status.Tiers[0].Assigned));
            Assert.Empty((await grains.GetGrain<IAgentGrain>("agent").Get()).Assignments);

            var real = await grains.GetGrain<ITicketGrain>("real").Submit(new TicketSpec("real", desk, Priority.P3, []));
            await deskGrain.WhenIdle().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("agent", (await grains.GetGrain<ITicketGrain>(real.Id).Get()).AgentId);
            await deskGrain.CheckInvariants();
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }
    }

    [Fact]
    public async Task Agents_registering_at_the_same_time_are_all_stored_and_come_back_after_a_restart()
    {
        await using var db = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(DurableCluster.Start);
        const string desk = "desk-crowd";
        var ids = Enumerable.Range(1, 40).Select(i => $"crowd-{i}").ToList();
        var silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "crowd", clock);
        try
        {
            var grains = silo.Grains();
            await grains.GetGrain<IDeskSchedulerGrain>(desk).Configure(DeskSettings.Default);

            // The desk is reentrant: these writes of its agents map overlap.
            await Task.WhenAll(ids.Select(id => grains.GetGrain<IAgentGrain>(id).Register(new AgentSpec(id, desk, "L1", [], 1))));
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }

        silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "crowd", clock);
        try
        {
            var status = await silo.Grains().GetGrain<IDeskSchedulerGrain>(desk).GetStatus();
            Assert.Equal(ids.Count, status.Tiers[0].Offline);
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }
    }
}
