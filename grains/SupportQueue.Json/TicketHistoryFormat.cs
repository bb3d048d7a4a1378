namespace SupportQueue.Json;

/// <summary>The two forms of a ticket-history trace (docs/ticket-history.md).</summary>
public enum TicketHistoryFormat
{
    Csv,
    Jsonl,
}
