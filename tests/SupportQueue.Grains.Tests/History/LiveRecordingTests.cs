using SupportQueue.Core.History;
using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.History;

/// <summary>
/// A live desk records its tickets: at arrival (open) and at close (resolved or abandoned, with the
/// handling worked per tier and the escalations), and an export reads them back in time order.
/// The fixture seals recorder pages every 4 records, so these tickets span sealed and open pages.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveRecordingTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task A_desk_records_arrivals_handling_escalations_and_outcomes()
    {
        var desk = await TestIds.NewDesk(_grains, new DeskSettings { Escalation = [] });
        var l1 = await Agent(desk, "L1");
        var l2 = await Agent(desk, "L2");
        var created = fixture.Clock.GetUtcNow();

        var resolved = await Submit(desk, Priority.P2, "billing");
        var escalated = await Submit(desk, Priority.P1, "network");
        await _grains.Desk(desk).WhenIdle();
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await _grains.Agent(l1).Resolve(resolved);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await _grains.Agent(l1).Escalate(escalated, "needs a network engineer");
        await _grains.Desk(desk).WhenIdle();
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await _grains.Agent(l2).Resolve(escalated);

        // Tickets needing a skill nobody has wait: one customer leaves, one ticket stays open.
        await _grains.Agent(l1).SetPresence(Presence.Offline);
        var abandoned = await Submit(desk, Priority.P3, "nobody-has-this");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await _grains.Ticket(abandoned).Abandon("gave up");
        var open = await Submit(desk, Priority.P4, "nobody-has-this");

        var records = await Export(desk, created.AddHours(-1), created.AddHours(1));

        // In time order of creation; the first two share their creation time (then the order is by id).
        Assert.Equal(new[] { resolved, escalated, abandoned, open }.Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(records.Select(r => r.Created).Order(), records.Select(r => r.Created));
        var byId = records.ToDictionary(r => r.Id);
        var r1 = byId[resolved];
        Assert.Equal((HistoryOutcome.Resolved, "L1", 5.0, 0.0), (r1.Outcome, r1.EntryTier, r1.HandlingAt("L1")!.Value, r1.FirstResponseMinutes!.Value));
        Assert.Equal(created.UtcDateTime, r1.Created);
        Assert.Equal(created.UtcDateTime.AddMinutes(5), r1.Ended);
        Assert.Equal(["billing"], r1.Skills.ToArray());

        var r2 = byId[escalated];
        Assert.Equal(HistoryOutcome.Resolved, r2.Outcome);
        Assert.Equal(["L1", "L2"], r2.Tiers.ToArray());
        Assert.Equal((7.0, 10.0), (r2.HandlingAt("L1")!.Value, r2.HandlingAt("L2")!.Value));
        Assert.Equal(new HistoryEscalation("L1", "L2", "needs a network engineer"), Assert.Single(r2.Escalations));

        var r3 = byId[abandoned];
        Assert.Equal((HistoryOutcome.Abandoned, (double?)null, 0), (r3.Outcome, r3.FirstResponseMinutes, r3.Handling.Length));
        Assert.Equal(r3.Created.AddMinutes(1), r3.Ended);

        Assert.Equal((HistoryOutcome.Open, (DateTime?)null), (byId[open].Outcome, byId[open].Ended));
    }

    [Fact]
    public async Task An_export_holds_only_the_window_and_the_latest_record_of_each_ticket()
    {
        var desk = await TestIds.NewDesk(_grains, new DeskSettings { Escalation = [] });
        var first = await Submit(desk, Priority.P3);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var second = await Submit(desk, Priority.P3);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await _grains.Ticket(first).Abandon("late");

        var now = fixture.Clock.GetUtcNow();
        var both = await Export(desk, now.AddHours(-3), now.AddHours(1));
        var onlySecond = await Export(desk, now.AddMinutes(-30), now.AddHours(1));

        Assert.Equal([first, second], both.Select(r => r.Id));
        Assert.Equal(HistoryOutcome.Abandoned, both[0].Outcome);
        Assert.Equal(second, Assert.Single(onlySecond).Id);
    }

    private async Task<string> Agent(string desk, string tier)
    {
        var id = TestIds.New("a");
        await _grains.Agent(id).Register(new AgentSpec(id, desk, tier, [new SkillLevel("billing", 3), new SkillLevel("network", 3)], 2));
        await _grains.Agent(id).SetPresence(Presence.Available);
        return id;
    }

    private async Task<string> Submit(string desk, Priority priority, params string[] skills)
    {
        var id = TestIds.New("t");
        await _grains.Ticket(id).Submit(new TicketSpec(id, desk, priority, [.. skills]));
        return id;
    }

    private async Task<List<TicketHistoryRecord>> Export(string desk, DateTimeOffset from, DateTimeOffset to)
    {
        var records = new List<TicketHistoryRecord>();
        await foreach (var r in DeskHistoryExport.ReadAsync(_grains, desk, new ExportRange(from.UtcDateTime, to.UtcDateTime)))
        {
            records.Add(r);
        }

        return records;
    }
}
