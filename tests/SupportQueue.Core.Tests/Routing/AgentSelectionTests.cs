using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

public class AgentSelectionTests
{
    private static DeskScheduler Desk(AgentSelection selection) => Create(DeskSettings.Default with { Selection = selection });

    private static List<string> AgentsForTickets(DeskScheduler desk, DateTimeOffset at, int count)
    {
        for (var i = 0; i < count; i++)
        {
            desk.Submit($"t{i}", at);
        }

        return [.. desk.OfferOrderAgents(at)];
    }

    [Fact]
    public void Longest_idle_picks_the_agent_free_the_longest()
    {
        var desk = Desk(AgentSelection.LongestIdle);
        desk.AddAgent("recent", Min(5));
        desk.AddAgent("early", Min(1));
        desk.AddAgent("middle", Min(3));

        Assert.Equal(["early", "middle", "recent"], AgentsForTickets(desk, Min(10), 3));
    }

    [Fact]
    public void Longest_idle_ties_go_to_the_first_registered()
    {
        var desk = Desk(AgentSelection.LongestIdle);
        desk.AddAgent("b", T0);
        desk.AddAgent("a", T0);
        desk.AddAgent("c", T0);

        Assert.Equal(["b", "a", "c"], AgentsForTickets(desk, Min(1), 3));
    }

    [Fact]
    public void Longest_idle_counts_from_the_last_finished_ticket_and_the_last_return_to_available()
    {
        var desk = Desk(AgentSelection.LongestIdle);
        desk.AddAgent("a", T0);
        desk.AddAgent("b", T0);
        desk.AddAgent("c", T0);
        desk.Submit("first", Min(1));
        Assert.Equal("a", desk.Assign(Min(1)).AgentId);
        desk.Resolve("first", "a", Min(2));

        // b back from a break at 3: now a (free since 2) is ahead of b, c (free since 0) is ahead of both.
        desk.SetPresence("b", Presence.Break, Min(2.5));
        desk.SetPresence("b", Presence.Available, Min(3));

        Assert.Equal(["c", "a", "b"], AgentsForTickets(desk, Min(4), 3));
    }

    [Fact]
    public void Least_busy_compares_load_relative_to_capacity()
    {
        var desk = Desk(AgentSelection.LeastBusy);
        desk.AddAgent("big", T0, capacity: 4);
        desk.AddAgent("small", T0, capacity: 3, presence: Presence.Offline);
        desk.Submit("x1", T0);
        desk.Submit("x2", T0);
        Assert.Equal("big", desk.Assign(Min(1)).AgentId);
        Assert.Equal("big", desk.Assign(Min(1)).AgentId);
        desk.SetPresence("small", Presence.Available, Min(2));

        // big is at 2/4. small: 0/3 → takes one, 1/3 < 2/4 → takes another, 2/3 > 2/4 → big.
        // Longest idle would have picked big (free since 0) first, so this pins the load ratio.
        Assert.Equal(["small", "small", "big"], AgentsForTickets(desk, Min(3), 3));
    }

    [Fact]
    public void Least_busy_ties_fall_back_to_longest_idle()
    {
        var desk = Desk(AgentSelection.LeastBusy);
        desk.AddAgent("later", Min(2), capacity: 2);
        desk.AddAgent("earlier", Min(1), capacity: 4);

        // 0/4 vs 0/2 tie → earlier (idle longer); 1/4 vs 0/2 → later; 1/4 vs 1/2 → earlier;
        // 2/4 vs 1/2 tie → earlier again.
        Assert.Equal(["earlier", "later", "earlier", "earlier"], AgentsForTickets(desk, Min(3), 4));
    }

    [Fact]
    public void Round_robin_rotates_through_the_pool_in_registration_order()
    {
        var desk = Desk(AgentSelection.RoundRobin);
        desk.AddAgent("a", Min(3), capacity: 5);
        desk.AddAgent("b", Min(1), capacity: 5);
        desk.AddAgent("c", Min(2), capacity: 5);

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], AgentsForTickets(desk, Min(4), 7));
    }

    [Fact]
    public void Round_robin_skips_unavailable_and_ineligible_agents_without_losing_its_place()
    {
        var desk = Desk(AgentSelection.RoundRobin);
        desk.AddAgent("a", T0, capacity: 5);
        desk.AddAgent("b", T0, capacity: 5, presence: Presence.Break);
        desk.AddAgent("c", T0, capacity: 5, skills: [Skill("db")]);

        desk.Submit("t1", Min(1));
        desk.Submit("db", Min(2), Priority.P3, "db");
        desk.Submit("t2", Min(3));
        desk.Submit("t3", Min(4));

        // a; then the db ticket can only go to c; the rotation continues after c → a, then c again.
        var offers = new List<(string, string)>();
        while (desk.TryNextOffer(Min(5), out var o))
        {
            offers.Add((o.TicketId, o.AgentId));
        }

        Assert.Equal([("t1", "a"), ("db", "c"), ("t2", "a"), ("t3", "c")], offers);
    }

    [Fact]
    public void Best_skill_picks_the_highest_proficiency_sum_on_the_required_skills_only()
    {
        var desk = Desk(AgentSelection.BestSkill);
        desk.AddAgent("broad", T0, skills: [Skill("network", 3), Skill("db", 1), Skill("ui", 5)]);
        desk.AddAgent("deep", Min(1), skills: [Skill("network", 2), Skill("db", 4)]);
        desk.AddAgent("network-guru", T0, skills: [Skill("network", 5)]);
        desk.Submit("t1", Min(2), Priority.P3, "network", "db");
        desk.Submit("t2", Min(2), Priority.P3, "network", "db");
        desk.Submit("t3", Min(2), Priority.P3, "network", "db");

        // deep 6 > broad 4 (its ui 5 does not count); network-guru lacks db and never qualifies.
        Assert.Equal(["deep", "broad"], desk.OfferOrderAgents(Min(3)));
    }

    [Fact]
    public void Best_skill_ties_fall_back_to_longest_idle()
    {
        var desk = Desk(AgentSelection.BestSkill);
        desk.AddAgent("late", Min(2), skills: [Skill("db", 4)]);
        desk.AddAgent("early", Min(1), skills: [Skill("db", 4)]);
        desk.Submit("t", Min(3), Priority.P3, "db");

        Assert.Equal("early", desk.NextOffer(Min(3)).AgentId);
    }

    [Theory]
    [InlineData(AgentSelection.LongestIdle)]
    [InlineData(AgentSelection.LeastBusy)]
    [InlineData(AgentSelection.RoundRobin)]
    [InlineData(AgentSelection.BestSkill)]
    public void Only_agents_holding_every_required_skill_are_eligible(AgentSelection selection)
    {
        var desk = Desk(selection);
        desk.AddAgent("network-only", T0, skills: [Skill("network", 5)]);
        desk.AddAgent("db-only", T0, skills: [Skill("db", 5)]);
        desk.Submit("both", Min(1), Priority.P1, "network", "db");
        desk.AssertNoOffer(Min(2));

        desk.AddAgent("both-skills", Min(3), skills: [Skill("network", 1), Skill("db", 1)]);
        var offer = desk.NextOffer(Min(4));
        Assert.Equal(("both", "both-skills"), (offer.TicketId, offer.AgentId));
    }

    [Fact]
    public void Skill_names_are_case_sensitive()
    {
        var desk = Create();
        desk.AddAgent("a", T0, skills: [Skill("DB")]);
        desk.Submit("t", Min(1), Priority.P3, "db");

        desk.AssertNoOffer(Min(2));
    }

    [Theory]
    [InlineData(AgentSelection.LongestIdle)]
    [InlineData(AgentSelection.LeastBusy)]
    [InlineData(AgentSelection.RoundRobin)]
    [InlineData(AgentSelection.BestSkill)]
    public void Capacity_above_one_is_filled_and_never_exceeded(AgentSelection selection)
    {
        var desk = Desk(selection);
        desk.AddAgent("a", T0, capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            desk.Submit($"t{i}", Min(1));
        }

        Assert.Equal(["t0", "t1", "t2"], desk.OfferOrder(Min(2)));
        Assert.Equal(3, desk.AgentLoad("a"));
        Assert.Equal(0, desk.Status(Min(2)).Tier("L1").FreeCapacity);

        var pending = desk.Where("t0");
        Assert.Equal(DeskTicketState.Offered, pending.State);
    }

    [Fact]
    public void Finishing_a_ticket_makes_room_for_the_next()
    {
        var desk = Create();
        desk.AddAgent("a", T0, capacity: 2);
        desk.Submit("t1", Min(1));
        desk.Submit("t2", Min(1));
        desk.Submit("t3", Min(1));
        desk.Assign(Min(2));
        desk.Assign(Min(2));
        desk.AssertNoOffer(Min(3));

        desk.Resolve("t1", "a", Min(4));
        var next = desk.NextOffer(Min(4));
        Assert.Equal(("t3", "a"), (next.TicketId, next.AgentId));
    }

    [Theory]
    [InlineData(Presence.Break)]
    [InlineData(Presence.Offline)]
    public void Agents_on_break_or_offline_get_no_offers(Presence presence)
    {
        var desk = Create();
        desk.AddAgent("a", T0, presence: presence);
        desk.Submit("t", Min(1));
        desk.AssertNoOffer(Min(2));

        desk.SetPresence("a", Presence.Available, Min(3));
        Assert.Equal("a", desk.NextOffer(Min(3)).AgentId);
    }

    [Fact]
    public void An_agent_going_on_break_stops_receiving_offers_but_keeps_its_work()
    {
        var desk = Create();
        desk.AddAgent("a", T0, capacity: 2);
        desk.Submit("t1", Min(1));
        desk.Submit("t2", Min(1));
        desk.Assign(Min(2));
        desk.SetPresence("a", Presence.Break, Min(3));

        desk.AssertNoOffer(Min(4));
        Assert.Equal(1, desk.AgentLoad("a"));
        desk.Resolve("t1", "a", Min(5));
        desk.CheckInvariants();
    }
}

internal static class SelectionExtensions
{
    /// <summary>Agent ids in the order the desk hands out the pending tickets.</summary>
    public static IEnumerable<string> OfferOrderAgents(this DeskScheduler desk, DateTimeOffset now)
    {
        var agents = new List<string>();
        while (desk.TryNextOffer(now, out var offer))
        {
            agents.Add(offer.AgentId);
        }

        return agents;
    }
}
