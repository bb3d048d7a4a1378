using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Tests.Routing;

public class RetryLedgerTests
{
    [Fact]
    public void A_resolution_is_recognised_for_its_agent_until_sixteen_thousand_later_ones_push_it_out()
    {
        var ledger = new RetryLedger();
        ledger.RememberResolved("t", "a");
        Assert.True(ledger.IsResolveRetry("t", "a"));
        Assert.False(ledger.IsResolveRetry("t", "b"));

        for (var i = 0; i < 16_383; i++)
        {
            ledger.RememberResolved($"x{i}", "a");
        }

        Assert.True(ledger.IsResolveRetry("t", "a"));
        ledger.RememberResolved("last", "a");
        Assert.False(ledger.IsResolveRetry("t", "a"));
    }
}
