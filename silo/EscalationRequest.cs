namespace SupportQueue.Silo;

internal sealed record EscalationRequest(string Reason, string? ToTier);
