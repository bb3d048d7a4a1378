using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>Every refusal names what was wrong and leaves the desk exactly as it was.</summary>
public class BadInputTests
{
    private static readonly string[] _tickets = ["queued", "held", "offered"];
    private static readonly string[] _agents = ["a", "b", "c"];

    /// <summary>A desk with something in every state, so "unchanged" has something to compare.</summary>
    private static DeskScheduler BusyDesk() => BusyDesk(out _);

    private static DeskScheduler BusyDesk(out Offer pending)
    {
        var desk = Create(DeskSettings.Default with
        {
            MaxOpenTickets = 4,
            Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(30))],
        });
        desk.AddAgent("a", T0);
        desk.AddAgent("b", T0);
        desk.AddAgent("c", T0, tier: "L2", presence: Presence.Break);
        desk.Submit("held", T0);
        desk.Submit("offered", Min(1));
        desk.Submit("queued", Min(2));
        Assert.Equal(("held", "a"), Pair(desk.Assign(Min(3))));
        pending = desk.NextOffer(Min(3));
        Assert.Equal(("offered", "b"), Pair(pending));
        desk.CheckInvariants();
        return desk;
    }

    private static (string, string) Pair(Offer o) => (o.TicketId, o.AgentId);

    private static void Refused(RefusalCode code, Action<DeskScheduler> call, string messageStart)
    {
        var desk = BusyDesk();
        var ex = desk.AssertRefusedUnchanged(code, Min(4), _tickets, _agents, () => call(desk));
        Assert.StartsWith(messageStart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_ticket() => Refused(RefusalCode.UnknownTicket, d => d.Resolve("nope", "a", Min(4)), "ticketId: 'nope' — no such ticket");

    [Fact]
    public void Unknown_ticket_on_abandon() => Refused(RefusalCode.UnknownTicket, d => d.Abandon("nope", Min(4)), "ticketId: 'nope'");

    [Fact]
    public void Unknown_ticket_on_escalate() => Refused(RefusalCode.UnknownTicket, d => d.Escalate("nope", "a", "why", Min(4)), "ticketId: 'nope'");

    [Fact]
    public void Unknown_ticket_on_release() => Refused(RefusalCode.UnknownTicket, d => d.ReleaseAssigned("nope", "a", Min(4)), "ticketId: 'nope'");

    [Fact]
    public void A_repeated_resolve_by_the_same_agent_changes_nothing_and_another_agents_is_refused()
    {
        var desk = BusyDesk();
        desk.Resolve("held", "a", Min(4));
        var before = desk.Snapshot(Min(5), _tickets, _agents);

        // The retry of a resolve whose first attempt reached the desk: accepted, nothing changes.
        desk.Resolve("held", "a", Min(5));
        Assert.Equal(before, desk.Snapshot(Min(5), _tickets, _agents));
        desk.CheckInvariants();

        var ex = desk.AssertRefusedUnchanged(RefusalCode.UnknownTicket, Min(5), _tickets, _agents, () => desk.Resolve("held", "b", Min(5)));
        Assert.Contains("'held'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_agent_on_resolve() => Refused(RefusalCode.UnknownAgent, d => d.Resolve("held", "ghost", Min(4)), "agentId: 'ghost' — no such agent");

    [Fact]
    public void Unknown_agent_on_presence() => Refused(RefusalCode.UnknownAgent, d => d.SetPresence("ghost", Presence.Available, Min(4)), "agentId: 'ghost'");

    [Fact]
    public void Unknown_agent_on_record_assigned() => Refused(RefusalCode.UnknownAgent, d => d.RecordAssigned("queued", "ghost", Min(4)), "agentId: 'ghost'");

    [Fact]
    public void Unknown_agent_load() => Refused(RefusalCode.UnknownAgent, d => d.AgentLoad("ghost"), "agentId: 'ghost'");

    [Fact]
    public void Resolving_someone_elses_ticket() => Refused(RefusalCode.NotYourTicket, d => d.Resolve("held", "b", Min(4)), "agentId: 'b' — ticket 'held' is held by 'a'");

    [Fact]
    public void Resolving_a_queued_ticket() => Refused(RefusalCode.NotYourTicket, d => d.Resolve("queued", "a", Min(4)), "agentId: 'a' — ticket 'queued' is queued");

    [Fact]
    public void Resolving_a_ticket_offered_to_someone_else() => Refused(RefusalCode.NotYourTicket, d => d.Resolve("offered", "a", Min(4)), "agentId: 'a' — ticket 'offered' is offered");

    [Fact]
    public void Resolving_a_ticket_offered_to_you_settles_the_offer_first()
    {
        // The agent side acted before its acceptance reached the desk (live grains race like this).
        var desk = BusyDesk(out var pending);
        desk.Resolve("offered", "b", Min(4));

        Assert.False(desk.TryGetTicket("offered", out _, out _, out _));
        Assert.True(desk.AcceptOffer(pending.ReservationId, Min(5)));
        Assert.False(desk.AcceptOffer(pending.ReservationId, Min(5)));
        desk.CheckInvariants();
    }

    [Fact]
    public void Escalating_someone_elses_ticket() => Refused(RefusalCode.NotYourTicket, d => d.Escalate("held", "b", "why", Min(4)), "agentId: 'b'");

    [Fact]
    public void Releasing_someone_elses_ticket() => Refused(RefusalCode.NotYourTicket, d => d.ReleaseAssigned("held", "c", Min(4)), "agentId: 'c'");

    [Fact]
    public void Abandoning_an_assigned_ticket() => Refused(RefusalCode.InvalidTransition, d => d.Abandon("held", Min(4)), "ticket 'held': assigned to 'a'");

    [Fact]
    public void Duplicate_ticket() => Refused(RefusalCode.DuplicateTicket, d => d.Submit("queued", Min(4)), "ticketId: 'queued' — already open");

    [Fact]
    public void Ticket_for_another_desk() => Refused(RefusalCode.InvalidArgument, d => d.Submit(Ticket("x") with { DeskId = "elsewhere" }, Min(4)), "deskId: 'elsewhere' — this is desk 'desk-1'");

    [Fact]
    public void Ticket_with_unknown_entry_tier() => Refused(RefusalCode.InvalidArgument, d => d.Submit(Ticket("x") with { EntryTier = "L7" }, Min(4)), "entryTier: 'L7' — no such tier; the desk has L1, L2, L3");

    [Fact]
    public void Queue_full()
    {
        var desk = BusyDesk();
        desk.Submit("fourth", Min(4));
        var ex = desk.AssertRefusedUnchanged(RefusalCode.QueueFull, Min(4), [.. _tickets, "fourth", "fifth"], _agents, () => desk.Submit("fifth", Min(4)));
        Assert.Equal("desk 'desk-1': 4 open tickets, the limit is 4", ex.Message);
    }

    public static TheoryData<string, TicketSpec, string> BadTickets => new()
    {
        { "empty id", Ticket(""), "ticketId: '' — must not be empty" },
        { "blank id", Ticket("  "), "ticketId: '  ' — must not be empty" },
        { "empty desk", Ticket("x") with { DeskId = "" }, "deskId: '' — must not be empty" },
        { "priority 0", Ticket("x", (Priority)0), "priority: 0 — must be P1, P2, P3 or P4" },
        { "priority 5", Ticket("x", (Priority)5), "priority: 5 — must be P1, P2, P3 or P4" },
        { "blank skill", Ticket("x", Priority.P3, "db", " "), "skills: ' ' — must not be empty" },
        { "skill with a trace separator", Ticket("x", Priority.P3, "db;web"), "skills: 'db;web' — must not hold ';': ';', '=', '>' and ':' separate names in ticket-history traces" },
    };

    [Theory]
    [MemberData(nameof(BadTickets))]
    public void Invalid_ticket_specs_are_refused(string what, TicketSpec spec, string message)
    {
        var desk = BusyDesk();
        var ex = desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(4), _tickets, _agents, () => desk.Submit(spec, Min(4)));
        Assert.True(message == ex.Message, $"{what}: {ex.Message}");
    }

    public static TheoryData<string, AgentSpec, string> BadAgents => new()
    {
        { "empty id", AgentSpec(""), "agentId: '' — must not be empty" },
        { "empty desk", AgentSpec("x") with { DeskId = " " }, "deskId: ' ' — must not be empty" },
        { "unknown tier", AgentSpec("x", "L4"), "tier: 'L4' — no such tier; the desk has L1, L2, L3" },
        { "capacity 0", AgentSpec("x", capacity: 0), "capacity: 0 — must be between 1 and 1000 concurrent tickets" },
        { "capacity 1001", AgentSpec("x", capacity: 1001), "capacity: 1001 — must be between 1 and 1000 concurrent tickets" },
        { "blank skill", AgentSpec("x", skills: [Skill("")]), "skills: '' — must not be empty" },
        { "proficiency 0", AgentSpec("x", skills: [Skill("db", 0)]), "skills.db: 0 — proficiency must be between 1 and 5" },
        { "proficiency 6", AgentSpec("x", skills: [Skill("db", 6)]), "skills.db: 6 — proficiency must be between 1 and 5" },
        { "skill twice", AgentSpec("x", skills: [Skill("db", 2), Skill("db", 3)]), "skills: 'db' — listed twice" },
        { "another desk", AgentSpec("x") with { DeskId = "elsewhere" }, "deskId: 'elsewhere' — this is desk 'desk-1'" },
        { "existing agent moves tier with work", AgentSpec("a", "L2"), "tier: 'L2' — agent 'a' still holds 1 ticket(s) at L1" },
    };

    [Theory]
    [MemberData(nameof(BadAgents))]
    public void Invalid_agent_specs_are_refused(string what, AgentSpec spec, string message)
    {
        var desk = BusyDesk();
        var ex = desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(4), _tickets, _agents, () => desk.UpsertAgent(spec, Presence.Available, Min(4)));
        Assert.True(message == ex.Message, $"{what}: {ex.Message}");
    }

    [Fact]
    public void Invalid_presence_is_refused()
    {
        Refused(RefusalCode.InvalidArgument, d => d.SetPresence("a", (Presence)9, Min(4)), "presence: '9'");
        Refused(RefusalCode.InvalidArgument, d => d.UpsertAgent(AgentSpec("new"), (Presence)9, Min(4)), "presence: '9'");
    }

    [Fact]
    public void Declining_with_an_invalid_presence_is_refused_and_the_offer_stays_pending()
    {
        var desk = BusyDesk(out var pending);
        var offer = pending.ReservationId;

        desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(4), _tickets, _agents, () => desk.DeclineOffer(offer, Min(4), (Presence)9));

        Assert.True(desk.AcceptOffer(offer, Min(5)));
        desk.CheckInvariants();
    }

    [Fact]
    public void An_agent_cannot_shrink_its_capacity_below_the_work_it_holds()
    {
        var desk = Create();
        desk.AddAgent("a", T0, capacity: 2);
        desk.Submit("t1", T0);
        desk.Submit("t2", T0);
        desk.Assign(Min(1));
        desk.Assign(Min(1));

        var ex = desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(2), ["t1", "t2"], ["a"], () => desk.UpsertAgent(AgentSpec("a", capacity: 1), Presence.Available, Min(2)));
        Assert.Equal("capacity: 1 — agent 'a' still holds 2 ticket(s)", ex.Message);

        desk.Resolve("t1", "a", Min(3));
        desk.UpsertAgent(AgentSpec("a", capacity: 1), Presence.Available, Min(4));
        Assert.Equal(1, desk.AgentLoad("a"));
        desk.CheckInvariants();
    }

    [Fact]
    public void Upserting_an_agent_updates_skills_capacity_and_tier_when_free()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.UpsertAgent(AgentSpec("a", "L2", 2, Skill("db")), Presence.Available, Min(1));
        desk.Submit(Ticket("t1", Priority.P3, "db") with { EntryTier = "L2" }, Min(2));
        desk.Submit(Ticket("t2", Priority.P3, "db") with { EntryTier = "L2" }, Min(2));

        Assert.Equal(["t1", "t2"], desk.OfferOrder(Min(3)));
        var status = desk.Status(Min(3));
        Assert.Equal((0, 1), (status.Tier("L1").Available, status.Tier("L2").Available));
        desk.CheckInvariants();
    }

    [Fact]
    public void Escalating_with_an_unknown_ticket_and_agent_reports_the_ticket_first()
    {
        Refused(RefusalCode.UnknownTicket, d => d.Escalate("nope", "ghost", "why", Min(4)), "ticketId: 'nope'");
    }

    [Fact]
    public void A_desk_needs_an_id_and_valid_settings()
    {
        var noId = Assert.Throws<SupportQueueException>(() => new DeskScheduler(" ", DeskSettings.Default));
        Assert.Equal((RefusalCode.InvalidArgument, "deskId: ' ' — must not be empty"), (noId.Code, noId.Message));

        var bad = Assert.Throws<SupportQueueException>(() => new DeskScheduler("d", DeskSettings.Default with { MaxOpenTickets = 0, ReservationTimeout = TimeSpan.Zero }));
        Assert.Equal(RefusalCode.InvalidSettings, bad.Code);
        Assert.Contains("$.reservationTimeout: 00:00:00 — must be positive", bad.Message, StringComparison.Ordinal);
        Assert.Contains("$.maxOpenTickets: 0 — must be positive", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconfiguring_tiers_is_refused_while_the_desk_has_work()
    {
        var desk = BusyDesk();
        var ex = desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(4), _tickets, _agents, () => desk.Reconfigure(Settings("A", "B")));
        Assert.StartsWith("tiers: 'A,B' — tiers cannot change", ex.Message, StringComparison.Ordinal);

        var invalid = desk.AssertRefusedUnchanged(RefusalCode.InvalidSettings, Min(4), _tickets, _agents, () => desk.Reconfigure(DeskSettings.Default with { AgingStep = TimeSpan.Zero }));
        Assert.Contains("$.agingStep", invalid.Message, StringComparison.Ordinal);
    }
}
