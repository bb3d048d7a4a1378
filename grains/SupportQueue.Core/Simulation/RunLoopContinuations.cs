namespace SupportQueue.Core.Simulation;

/// <summary>
/// The rest of a <see cref="RunLoop"/> step after a driver call that did not finish at once (the
/// grain driver's). The in-process engine always answers at once, so a fast run never gets here;
/// each continuation does, after the await, what the loop does inline otherwise, in the same order.
/// </summary>
internal static class RunLoopContinuations
{
    public static async ValueTask<bool> FinishStepAsync(RunLoop loop, IDeskDriver driver, ValueTask handled, bool changed, double now, DateTimeOffset at)
    {
        await handled;
        if (changed)
        {
            await loop.SettleAsync(driver, now, at);
        }

        loop.ReportProgress(now);
        return true;
    }

    public static async ValueTask<bool> ReportAfter(RunLoop loop, ValueTask settled, double now)
    {
        await settled;
        loop.ReportProgress(now);
        return true;
    }

    public static async ValueTask<bool> ThenTrue(ValueTask pending)
    {
        await pending;
        return true;
    }

    public static async ValueTask AbandonedAsync(RunLoop loop, ValueTask pending, SimTicket ticket, double now)
    {
        await pending;
        loop.Abandoned(ticket, now);
    }

    public static async ValueTask SubmittedAsync(RunLoop loop, ValueTask<int> pending, SimTicket ticket, double now) =>
        loop.Submitted(ticket, await pending, now);

    public static async ValueTask ResolvedAsync(RunLoop loop, ValueTask pending, SimTicket ticket, double now)
    {
        await pending;
        loop.Resolved(ticket, now);
    }

    public static async ValueTask EscalatedAsync(RunLoop loop, ValueTask<int> pending, SimTicket ticket, int tier, double now) =>
        loop.Escalated(ticket, tier, await pending, now);

    public static async ValueTask ReopenedAsync(RunLoop loop, ValueTask<int> pending, SimTicket ticket, double now) =>
        loop.Queue(ticket, await pending, now);

    public static async ValueTask SettledAsync(RunLoop loop, ValueTask<long> pending, DateTimeOffset settleAt, double now) =>
        loop.Settled(await pending, settleAt, now);
}
