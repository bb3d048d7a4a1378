using System.Text;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.History;

/// <summary>
/// The CSV form of a ticket-history trace (docs/ticket-history.md): a header naming the columns
/// (any order; <c>id</c>, <c>created</c>, <c>priority</c>, <c>entryTier</c> and <c>outcome</c>
/// required), one ticket per line in time order. Lists are <c>;</c>-separated, handling is
/// <c>L1=3.2;L2=10.5</c>, escalations <c>L1&gt;L2:reason</c>. Blank lines and lines starting with
/// <c>#</c> are skipped. Pure: the caller reads and writes the file.
/// </summary>
public static class TicketHistoryCsv
{
    /// <summary>Every column, in the order the writer puts them.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["id", "created", "priority", "skills", "class", "entryTier", "tiers", "handling", "escalations", "firstResponse", "outcome", "ended"];

    private static readonly string[] _required = ["id", "created", "priority", "entryTier", "outcome"];

    /// <summary>Parses a whole trace.</summary>
    /// <param name="text">The file's text, header first.</param>
    /// <param name="knownTiers">The desk's tier names: any other is refused. Null: any name.</param>
    /// <exception cref="TicketHistoryException">Every problem found (up to <see cref="HistoryRowParser.MaxErrors"/>), by row and field.</exception>
    public static IReadOnlyList<TicketHistoryRecord> Parse(string text, IReadOnlyCollection<string>? knownTiers = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var errors = new List<ValidationError>();
        var records = new List<TicketHistoryRecord>();
        var rows = new List<int>();
        Dictionary<string, int>? columns = null;
        for (var i = 0; i < count && errors.Count < HistoryRowParser.MaxErrors; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var row = i + 1;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = CsvFields.Split(line);
            if (columns is null)
            {
                columns = Header(fields, row, errors);
                if (columns is null)
                {
                    break;
                }

                continue;
            }

            if (fields.Count != columns.Count)
            {
                errors.Add(new($"row {row}", HistoryRowParser.Quote(line), $"has {fields.Count} fields; the header has {columns.Count}"));
                continue;
            }

            string? Field(string name) => columns.TryGetValue(name, out var index) ? fields[index] : null;
            var input = new HistoryRowInput(
                Field("id"), Field("created"), Field("priority"), List(Field("skills")), Field("class"), Field("entryTier"),
                List(Field("tiers")), HandlingPairs(Field("handling")), EscalationItems(Field("escalations")),
                Field("firstResponse"), Field("outcome"), Field("ended"));
            if (HistoryRowParser.Parse(input, row, knownTiers, errors) is { } record)
            {
                records.Add(record);
                rows.Add(row);
            }
        }

        if (columns is null && errors.Count == 0)
        {
            errors.Add(new("row 1", "(empty)", "expected a header: " + string.Join(",", Columns)));
        }

        return HistoryRowParser.Finish(records, rows, errors);
    }

    /// <summary>Writes a trace with every column, one line per record, in the order given.</summary>
    public static string Write(IEnumerable<TicketHistoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Columns)).Append('\n');
        foreach (var r in records)
        {
            string[] fields =
            [
                r.Id,
                HistoryRowParser.Format(r.Created),
                r.Priority.ToString(),
                string.Join(";", r.Skills),
                r.Class ?? "",
                r.EntryTier,
                string.Join(";", r.Tiers),
                string.Join(";", r.Handling.Select(h => h.Tier + "=" + HistoryRowParser.FormatMinutes(h.Minutes))),
                string.Join(";", r.Escalations.Select(e => e.Reason.Length == 0 ? $"{e.From}>{e.To}" : $"{e.From}>{e.To}:{e.Reason}")),
                r.FirstResponseMinutes is { } first ? HistoryRowParser.FormatMinutes(first) : "",
                r.Outcome.ToString().ToLowerInvariant(),
                r.Ended is { } ended ? HistoryRowParser.Format(ended) : "",
            ];
            sb.Append(string.Join(",", fields.Select(CsvFields.Escape))).Append('\n');
        }

        return sb.ToString();
    }

    private static Dictionary<string, int>? Header(List<string> fields, int row, List<ValidationError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = errors.Count;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = Columns.FirstOrDefault(c => string.Equals(c, fields[i].Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(new($"row {row}, column {i + 1}", HistoryRowParser.Quote(fields[i]), "unknown column; expected " + string.Join(", ", Columns)));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new($"row {row}, column {i + 1}", HistoryRowParser.Quote(fields[i]), "column named twice"));
            }
        }

        foreach (var required in _required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new($"row {row}", HistoryRowParser.Quote(string.Join(",", fields)), $"header lacks the '{required}' column"));
        }

        return errors.Count == before ? columns : null;
    }

    private static string[] List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(';');

    private static KeyValuePair<string, string>[] HandlingPairs(string? text) =>
        [.. List(text).Select(item =>
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? new KeyValuePair<string, string>("", item) : new(item[..eq], item[(eq + 1)..]);
        })];

    private static HistoryEscalation[] EscalationItems(string? text) =>
        [.. List(text).Select(item =>
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var path = colon < 0 ? item : item[..colon];
            var reason = colon < 0 ? "" : item[(colon + 1)..];
            var arrow = path.IndexOf('>', StringComparison.Ordinal);
            return arrow < 0 ? new HistoryEscalation("", "", item) : new HistoryEscalation(path[..arrow], path[(arrow + 1)..], reason);
        })];
}
