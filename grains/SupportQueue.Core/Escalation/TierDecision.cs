namespace SupportQueue.Core.Escalation;

/// <summary>A redirection decided by a policy: the tier to use and, when it differs, why.</summary>
public readonly record struct TierDecision(int Tier, string? Reason);
