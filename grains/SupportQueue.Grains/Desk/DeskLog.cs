using Microsoft.Extensions.Logging;

namespace SupportQueue.Grains;

/// <summary>The desk grain's log messages, shared by the grain and its collaborators.</summary>
internal static partial class DeskLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Desk {DeskId} took back ticket {TicketId} at {Tier} (held by {AgentId})")]
    public static partial void Restored(ILogger logger, string deskId, string ticketId, string tier, string? agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk {DeskId}: could not take back ticket {TicketId}")]
    public static partial void RebuildSkipped(ILogger logger, Exception? ex, string deskId, string ticketId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Desk {DeskId}: settling an offer failed")]
    public static partial void PumpFailure(ILogger logger, Exception ex, string deskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk {DeskId} configured with {Tiers} tiers")]
    public static partial void Configured(ILogger logger, string deskId, int tiers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk {DeskId}: offer of ticket {TicketId} to agent {AgentId} failed")]
    public static partial void OfferFailed(ILogger logger, Exception ex, string deskId, string ticketId, string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk {DeskId}: could not notify ticket {TicketId} of its escalation")]
    public static partial void NotifyFailed(ILogger logger, Exception ex, string deskId, string ticketId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk {DeskId}: could not store its totals on deactivation")]
    public static partial void CheckpointFailed(ILogger logger, Exception ex, string deskId);
}
