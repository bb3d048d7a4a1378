namespace SupportQueue.Core.History;

/// <summary>
/// One trace row as text, before any meaning is given to it: what the CSV and the JSON-lines
/// readers hand to <see cref="HistoryRowParser"/>, so both forms are checked by the same rules and
/// refused with the same messages. Null or empty: the field was not given.
/// </summary>
public sealed record HistoryRowInput(
    string? Id,
    string? Created,
    string? Priority,
    IReadOnlyList<string> Skills,
    string? Class,
    string? EntryTier,
    IReadOnlyList<string> Tiers,
    IReadOnlyList<KeyValuePair<string, string>> Handling,
    IReadOnlyList<HistoryEscalation> Escalations,
    string? FirstResponse,
    string? Outcome,
    string? Ended);
