namespace SupportQueue.Silo.Api;

/// <summary>Body of abandon, cancel and reopen: an optional reason (at most 500 characters). The body itself may be omitted.</summary>
public sealed record ReasonRequest(string? Reason = null);
