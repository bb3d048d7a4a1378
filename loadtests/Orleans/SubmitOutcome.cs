namespace SupportQueue.LoadTests.Orleans;

/// <summary>What the caller of a submit heard back, as far as the audit is concerned.</summary>
public enum SubmitOutcome
{
    /// <summary>No answer yet: the call is still waiting (its reply may have been lost with a silo).</summary>
    Pending,

    /// <summary>The submit returned success: the ticket must exist.</summary>
    Stored,

    /// <summary>The desk or ticket refused it (a <c>SupportQueueException</c>): nothing changed.</summary>
    Refused,

    /// <summary>It failed in a way that leaves open whether it was stored (timeouts, lost silos).</summary>
    Unknown,
}
