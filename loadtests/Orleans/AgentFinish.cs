using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// A synthetic agent resolving or escalating the ticket it worked. Its client retries a call that
/// failed in transit (a silo died under it), as a real one would: the grains answer a repeated
/// resolve or escalate the way they answered the first, so a retry cannot finish a ticket twice.
/// A refusal is an answer, not retried.
/// </summary>
internal static class AgentFinish
{
    // Attempts at a resolve or escalate that fails in transit.
    private const int MaxAttempts = 3;

    public static async ValueTask<StepResult> RunAsync(
        IAgentGrain grain, string ticketId, string? escalateTo, IMeasurements measurements, TimeProvider time, CancellationToken cancellationToken)
    {
        var operation = escalateTo is null ? "resolve" : "escalate";
        var start = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (escalateTo is not null)
                {
                    await grain.Escalate(ticketId, $"needs {escalateTo}").ConfigureAwait(false);
                }
                else
                {
                    await grain.Resolve(ticketId).ConfigureAwait(false);
                }

                measurements.Record(operation, start, start, time.GetTimestamp());
                return StepResult.Ok();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                measurements.RecordFailure(operation, FailureKind.Of(ex));
                if (ex is SupportQueueException || attempt == MaxAttempts || cancellationToken.IsCancellationRequested)
                {
                    return StepResult.Ok();
                }
            }
        }
    }
}
