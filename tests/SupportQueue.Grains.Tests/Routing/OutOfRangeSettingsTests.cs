using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Routing;

/// <summary>
/// Issue 11 defect 3 on a live desk: a reconfigure to a duration the engine cannot add to a date
/// used to answer 500 yet keep the new settings. Now it is refused, naming the field, and the desk
/// keeps working on its old settings.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutOfRangeSettingsTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Theory]
    [InlineData("reservationTimeout")]
    [InlineData("after")]
    [InlineData("minWait")]
    public async Task A_live_desk_refuses_a_huge_duration_and_changes_nothing(string field)
    {
        var desk = TestIds.New("desk");
        var grain = _grains.GetGrain<IDeskSchedulerGrain>(desk);
        var original = DeskSettings.Default with { Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, "L1", TimeSpan.FromMinutes(5))] };
        await grain.Configure(original);
        var huge = TimeSpan.FromDays(3_000_000);
        var bad = field switch
        {
            "reservationTimeout" => original with { ReservationTimeout = huge },
            "after" => original with { Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, "L1", huge)] },
            _ => original with { Borrowing = new BorrowingSettings(true, huge) },
        };

        var ex = await Assert.ThrowsAsync<SupportQueueException>(() => grain.Configure(bad));

        Assert.Equal(RefusalCode.InvalidSettings, ex.Code);
        Assert.Contains($"{field}: 3000000.00:00:00 — at most 365 days", ex.Message);
        Assert.Equal(original.ReservationTimeout, (await grain.GetSettings()).ReservationTimeout);
        Assert.Equal(original.Borrowing, (await grain.GetSettings()).Borrowing);
        Assert.Equal(original.Escalation[0], (await grain.GetSettings()).Escalation[0]);

        // The desk still takes tickets and offers them on the old settings.
        var agent = TestIds.New("a");
        await _grains.GetGrain<IAgentGrain>(agent).Register(new AgentSpec(agent, desk, "L1", []));
        await _grains.GetGrain<IAgentGrain>(agent).SetPresence(Presence.Available);
        var ticket = TestIds.New("t");
        await _grains.GetGrain<ITicketGrain>(ticket).Submit(new TicketSpec(ticket, desk, Priority.P3, []));
        await grain.WhenIdle();
        Assert.Equal(agent, (await _grains.GetGrain<ITicketGrain>(ticket).Get()).AgentId);
        await grain.CheckInvariants();
    }
}
