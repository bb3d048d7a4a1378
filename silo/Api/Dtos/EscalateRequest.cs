namespace SupportQueue.Silo.Api;

/// <summary>Body of an escalation: why (required, at most 500 characters) and optionally the tier to go to.</summary>
public sealed record EscalateRequest(string? Reason, string? ToTier = null);
