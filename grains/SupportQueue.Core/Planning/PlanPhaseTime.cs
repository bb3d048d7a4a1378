namespace SupportQueue.Core.Planning;

/// <summary>Wall time one phase took (summed over its rounds).</summary>
public sealed record PlanPhaseTime(PlanPhase Phase, TimeSpan Elapsed);
