namespace SupportQueue.Core.Model;

/// <summary>A tier of a desk (L1, L2, …) in escalation order.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TierSettings")]
public sealed record TierSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] TimeSpan? AverageHandleTime = null)
{
    /// <summary>Assumed handling time until the tier has observed some; used for expected-wait estimates.</summary>
    public TimeSpan HandleTimeEstimate => AverageHandleTime ?? TimeSpan.FromMinutes(10);
}
