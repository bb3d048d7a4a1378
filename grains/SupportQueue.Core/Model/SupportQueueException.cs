namespace SupportQueue.Core.Model;

/// <summary>
/// A refused operation. Thrown before any state changes, so a caller that catches it can rely on
/// the engine being exactly as it was.
/// </summary>
[GenerateSerializer, Alias("SupportQueue.SupportQueueException")]
public sealed class SupportQueueException : Exception
{
    public SupportQueueException(RefusalCode code, string message)
        : base(message)
    {
        Code = code;
    }

    [Id(0)]
    public RefusalCode Code { get; private set; }

    public static SupportQueueException UnknownTicket(string ticketId) =>
        new(RefusalCode.UnknownTicket, $"ticketId: '{ticketId}' — no such ticket");

    public static SupportQueueException UnknownAgent(string agentId) =>
        new(RefusalCode.UnknownAgent, $"agentId: '{agentId}' — no such agent");

    public static SupportQueueException UnknownDesk(string deskId) =>
        new(RefusalCode.UnknownDesk, $"deskId: '{deskId}' — no such desk (configure it first)");

    public static SupportQueueException Invalid(string field, object? value, string reason) =>
        new(RefusalCode.InvalidArgument, $"{field}: {Format(value)} — {reason}");

    internal static string Format(object? value) => value switch
    {
        null => "(null)",
        string s => $"'{s}'",
        TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "(null)",
    };
}
