using System.Globalization;
using System.Text;
using System.Text.Json;
using SupportQueue.Core.History;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Json;

/// <summary>
/// The JSON-lines form of a ticket-history trace (docs/ticket-history.md): one JSON object per
/// line, the same field names as the CSV columns, lists as arrays, handling as an object of minutes
/// per tier, escalations as <c>{"from","to","reason"}</c> objects. Strict like the rest of the
/// dialect: unknown or repeated fields and wrong types are refused, by row (line) and field; then
/// the rows pass the same checks as the CSV form (<see cref="HistoryRowParser"/>).
/// </summary>
public static class TicketHistoryJsonLines
{
    private static readonly JsonWriterOptions _writerOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses a whole trace.</summary>
    /// <param name="text">The file's text, one object per line.</param>
    /// <param name="knownTiers">The desk's tier names: any other is refused. Null: any name.</param>
    /// <exception cref="TicketHistoryException">Every problem found, by row and field.</exception>
    public static IReadOnlyList<TicketHistoryRecord> Parse(string text, IReadOnlyCollection<string>? knownTiers = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var errors = new List<ValidationError>();
        var records = new List<TicketHistoryRecord>();
        var rows = new List<int>();
        for (var i = 0; i < lines.Length && errors.Count < HistoryRowParser.MaxErrors; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = i + 1;
            if (ReadLine(line, row, errors) is { } input && HistoryRowParser.Parse(input, row, knownTiers, errors) is { } record)
            {
                records.Add(record);
                rows.Add(row);
            }
        }

        return HistoryRowParser.Finish(records, rows, errors);
    }

    /// <summary>Writes one compact JSON object per record and line; optional fields that are absent are left out.</summary>
    public static string Write(IEnumerable<TicketHistoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sb = new StringBuilder();
        using var buffer = new MemoryStream();
        foreach (var r in records)
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer, _writerOptions))
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("created", HistoryRowParser.Format(r.Created));
                w.WriteString("priority", r.Priority.ToString());
                WriteArray(w, "skills", r.Skills);
                if (r.Class is not null)
                {
                    w.WriteString("class", r.Class);
                }

                w.WriteString("entryTier", r.EntryTier);
                WriteArray(w, "tiers", r.Tiers);
                w.WriteStartObject("handling");
                foreach (var h in r.Handling)
                {
                    w.WritePropertyName(h.Tier);
                    w.WriteRawValue(HistoryRowParser.FormatMinutes(h.Minutes));
                }

                w.WriteEndObject();
                w.WriteStartArray("escalations");
                foreach (var e in r.Escalations)
                {
                    w.WriteStartObject();
                    w.WriteString("from", e.From);
                    w.WriteString("to", e.To);
                    w.WriteString("reason", e.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (r.FirstResponseMinutes is { } first)
                {
                    w.WritePropertyName("firstResponse");
                    w.WriteRawValue(HistoryRowParser.FormatMinutes(first));
                }

                w.WriteString("outcome", r.Outcome.ToString().ToLowerInvariant());
                if (r.Ended is { } ended)
                {
                    w.WriteString("ended", HistoryRowParser.Format(ended));
                }

                w.WriteEndObject();
            }

            sb.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    private static HistoryRowInput? ReadLine(string line, int row, List<ValidationError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            errors.Add(new($"row {row}", Shorten(line), "not a JSON object: " + ex.Message));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new($"row {row}", Shorten(line), "expected one JSON object per line"));
                return null;
            }

            var before = errors.Count;
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!TicketHistoryCsv.Columns.Contains(property.Name))
                {
                    errors.Add(new(HistoryRowParser.Where(row, property.Name), Shorten(property.Value.GetRawText()),
                        "unknown field; expected " + string.Join(", ", TicketHistoryCsv.Columns)));
                }
                else
                {
                    values[property.Name] = property.Value.Clone();
                }
            }

            string? Text(string name) => Scalar(values, name, row, JsonValueKind.String, errors);
            string? Number(string name) => Scalar(values, name, row, JsonValueKind.Number, errors);
            var input = new HistoryRowInput(
                Text("id"), Text("created"), Text("priority"), Strings(values, "skills", row, errors), Text("class"), Text("entryTier"),
                Strings(values, "tiers", row, errors), Handling(values, row, errors), Escalations(values, row, errors),
                Number("firstResponse"), Text("outcome"), Text("ended"));
            return errors.Count == before ? input : null;
        }
    }

    private static string? Scalar(Dictionary<string, JsonElement> values, string name, int row, JsonValueKind kind, List<ValidationError> errors)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != kind)
        {
            errors.Add(new(HistoryRowParser.Where(row, name), Shorten(value.GetRawText()), kind == JsonValueKind.String ? "expected a string" : "expected a number"));
            return null;
        }

        return kind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    private static string[] Strings(Dictionary<string, JsonElement> values, string name, int row, List<ValidationError> errors)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors.Add(new(HistoryRowParser.Where(row, name), Shorten(value.GetRawText()), "expected an array of strings"));
            return [];
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static KeyValuePair<string, string>[] Handling(Dictionary<string, JsonElement> values, int row, List<ValidationError> errors)
    {
        if (!values.TryGetValue("handling", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Number))
        {
            errors.Add(new(HistoryRowParser.Where(row, "handling"), Shorten(value.GetRawText()), "expected an object of minutes per tier, e.g. {\"L1\": 3.2}"));
            return [];
        }

        return [.. value.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetRawText()))];
    }

    private static HistoryEscalation[] Escalations(Dictionary<string, JsonElement> values, int row, List<ValidationError> errors)
    {
        if (!values.TryGetValue("escalations", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var ok = value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e =>
            e.ValueKind == JsonValueKind.Object
            && e.EnumerateObject().All(p => p.Name is "from" or "to" or "reason" && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null));
        if (!ok)
        {
            errors.Add(new(HistoryRowParser.Where(row, "escalations"), Shorten(value.GetRawText()),
                "expected an array of {\"from\": \"L1\", \"to\": \"L2\", \"reason\": \"…\"}"));
            return [];
        }

        static string? Get(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return [.. value.EnumerateArray().Select(e => new HistoryEscalation(Get(e, "from") ?? "", Get(e, "to") ?? "", Get(e, "reason") ?? ""))];
    }

    private static string Shorten(string text) =>
        text.Length <= 80 ? text : text[..77].ToString(CultureInfo.InvariantCulture) + "…";
}
