using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>The pool keeps each tier's free capacity and free list in step with its agents through every kind of change.</summary>
public class AgentPoolTests
{
    private static readonly DeskSettings _twoTiers = Settings("L1", "L2");

    private static AgentPool Pool(params (string Id, int Tier, int Capacity)[] agents)
    {
        var pool = new AgentPool(_twoTiers);
        foreach (var (id, tier, capacity) in agents)
        {
            pool.Upsert(id, tier, capacity, [], Presence.Available, T0);
        }

        return pool;
    }

    private static (int Free, int Listed) Tier(AgentPool pool, int tier) => (pool.FreeCapacity(tier), pool.FreeList(tier).Count);

    [Fact]
    public void Load_changes_move_free_capacity_and_the_free_list_together()
    {
        var pool = Pool(("a", 0, 2), ("b", 0, 1));
        var a = pool.Get("a");
        var b = pool.Get("b");
        Assert.Equal((3, 2), Tier(pool, 0));

        pool.ChangeLoad(b, +1);
        Assert.Equal((2, 1), Tier(pool, 0));
        pool.ChangeLoad(a, +1);
        pool.ChangeLoad(a, +1);
        Assert.Equal((0, 0), Tier(pool, 0));

        pool.FinishWork(a, Min(5));
        Assert.Equal((1, 1), Tier(pool, 0));
        Assert.Equal(Min(5), a.FreeSince);
    }

    [Fact]
    public void An_offer_handed_back_does_not_move_free_since()
    {
        var pool = Pool(("a", 0, 1));
        var a = pool.Get("a");
        pool.ChangeLoad(a, +1);
        pool.ChangeLoad(a, -1);
        Assert.Equal(T0, a.FreeSince);
        Assert.Equal((1, 1), Tier(pool, 0));
    }

    [Fact]
    public void A_saturated_agent_has_nothing_free_until_it_finishes_work_or_changes_presence()
    {
        var pool = Pool(("a", 0, 2));
        var a = pool.Get("a");
        pool.ChangeLoad(a, +1);
        pool.Saturate(a);
        Assert.Equal((0, 0), Tier(pool, 0));

        pool.FinishWork(a, Min(1));
        Assert.Equal((2, 1), Tier(pool, 0));

        pool.Saturate(a);
        pool.SetPresence(a, Presence.Break, Min(2));
        pool.SetPresence(a, Presence.Available, Min(3));
        Assert.Equal((2, 1), Tier(pool, 0));
        Assert.Equal(Min(3), a.FreeSince);
    }

    [Fact]
    public void Moving_an_agent_to_another_tier_moves_its_free_capacity()
    {
        var pool = Pool(("a", 0, 2), ("b", 1, 1));
        pool.Upsert("a", 1, 3, [], Presence.Available, Min(1));

        Assert.Equal((0, 0), Tier(pool, 0));
        Assert.Equal((4, 2), Tier(pool, 1));
        Assert.Equal(["a", "b"], pool.Tier(1).Select(x => x.Id));
    }

    [Fact]
    public void Agents_are_addressed_by_registration_order()
    {
        var pool = Pool(("a", 0, 1), ("b", 1, 1));
        Assert.Equal("b", pool.At(1).Id);
        Assert.Equal(RefusalCode.UnknownAgent, Assert.Throws<SupportQueueException>(() => pool.At(2)).Code);
    }
}
