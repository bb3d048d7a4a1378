using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>The short name a failed call is counted under in the measurements and the audit.</summary>
internal static class FailureKind
{
    public static string Of(Exception ex) => ex switch
    {
        SupportQueueException sq => "refused:" + sq.Code,
        TimeoutException => "timeout",
        OperationCanceledException => "cancelled",
        SiloUnavailableException => "silo-unavailable",
        _ => "other:" + ex.GetType().Name,
    };
}
