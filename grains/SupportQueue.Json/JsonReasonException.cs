using System.Text.Json;

namespace SupportQueue.Json;

/// <summary>
/// Thrown by our converters with the reason meant for the person who wrote the file; the
/// serializer adds the path and position to this same instance, so the reason survives intact.
/// </summary>
internal sealed class JsonReasonException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}
