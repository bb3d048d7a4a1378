using SupportQueue.Core.Model;

namespace SupportQueue.Client.Api;

/// <summary>What happened to a submitted (or reopened) ticket once the desk had settled.</summary>
public sealed record SubmitResult(Ticket Ticket, bool Settled);
