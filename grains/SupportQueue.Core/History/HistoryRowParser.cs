using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.History;

/// <summary>
/// The rules of a ticket-history row and of a whole trace, shared by the CSV and the JSON-lines
/// readers. Every problem is reported as "row N, field: value — reason", N being the row's line in
/// the file (the CSV header is line 1).
/// </summary>
public static class HistoryRowParser
{
    /// <summary>Reporting stops after this many errors: a wrong file rarely needs more to be recognised.</summary>
    public const int MaxErrors = 20;

    private static readonly string[] _timeFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Where a problem is: the row (its line in the file) and the field.</summary>
    public static string Where(int row, string field) => $"row {row.ToString(CultureInfo.InvariantCulture)}, {field}";

    /// <summary>
    /// Checks one row and builds its record; null (with <paramref name="errors"/> added to) when anything is wrong.
    /// </summary>
    /// <param name="input">The row's fields as text.</param>
    /// <param name="row">The row's line in the file, for the messages.</param>
    /// <param name="knownTiers">The desk's tier names: any other tier is refused. Null: any name.</param>
    /// <param name="errors">Where problems go.</param>
    public static TicketHistoryRecord? Parse(HistoryRowInput input, int row, IReadOnlyCollection<string>? knownTiers, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        void Add(string field, string? value, string reason) => errors.Add(new(Where(row, field), Quote(value), reason));

        var id = input.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            Add("id", input.Id, "required");
        }
        else if (id.Any(char.IsControl))
        {
            Add("id", id, "must not hold control characters");
        }

        var created = Time(input.Created, "created", required: true, Add);
        var ended = Time(input.Ended, "ended", required: false, Add);
        Priority priority = default;
        if (string.IsNullOrWhiteSpace(input.Priority))
        {
            Add("priority", input.Priority, "required: P1, P2, P3 or P4");
        }
        else if (!Enum.TryParse(input.Priority.Trim(), ignoreCase: true, out priority) || !Enum.IsDefined(priority) || int.TryParse(input.Priority, out _))
        {
            Add("priority", input.Priority, "unknown priority; expected P1, P2, P3 or P4");
        }

        var skills = Names(input.Skills, "skills", Add);
        var ticketClass = string.IsNullOrWhiteSpace(input.Class) ? null : input.Class.Trim();
        var entry = input.EntryTier?.Trim();
        if (string.IsNullOrEmpty(entry))
        {
            Add("entryTier", input.EntryTier, "required");
        }
        else
        {
            CheckTier(entry, "entryTier", knownTiers, Add);
        }

        var tiers = Names(input.Tiers, "tiers", Add);
        foreach (var tier in tiers)
        {
            CheckTier(tier, "tiers", knownTiers, Add);
        }

        if (tiers.IsEmpty && !string.IsNullOrEmpty(entry))
        {
            // Only the entry tier was touched: an external trace may leave the list out.
            tiers = [entry];
        }
        else if (!string.IsNullOrEmpty(entry) && !tiers.IsEmpty && tiers[0] != entry)
        {
            Add("tiers", string.Join(";", tiers), $"must start with the entry tier '{entry}'");
        }

        var handling = Handling(input.Handling, tiers, knownTiers, Add);
        var escalations = Escalations(input.Escalations, tiers, knownTiers, Add);
        var firstResponse = Minutes(input.FirstResponse, "firstResponse", Add);
        HistoryOutcome outcome = default;
        if (string.IsNullOrWhiteSpace(input.Outcome))
        {
            Add("outcome", input.Outcome, "required: resolved, abandoned, cancelled or open");
        }
        else if (!Enum.TryParse(input.Outcome.Trim(), ignoreCase: true, out outcome) || !Enum.IsDefined(outcome) || int.TryParse(input.Outcome, out _))
        {
            Add("outcome", input.Outcome, "unknown outcome; expected resolved, abandoned, cancelled or open");
        }
        else if (outcome == HistoryOutcome.Open && ended is not null)
        {
            Add("ended", input.Ended, "an open ticket has not ended; leave it empty");
        }

        if (created is { } c && ended is { } e && e < c)
        {
            Add("ended", input.Ended, $"before created ({Format(c)})");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new TicketHistoryRecord(id!, created!.Value, priority, skills, ticketClass, entry!, tiers, handling, escalations, firstResponse, outcome, ended);
    }

    /// <summary>The end of every reader: the order of the rows checked once each row was, then the records or every error.</summary>
    public static IReadOnlyList<TicketHistoryRecord> Finish(IReadOnlyList<TicketHistoryRecord> records, IReadOnlyList<int> rows, List<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            CheckSequence(records, rows, errors);
        }

        if (errors.Count > 0)
        {
            throw new TicketHistoryException(errors.Take(MaxErrors).ToList());
        }

        return records;
    }

    /// <summary>Checks what spans rows: time order of <c>created</c> and unique ids. <paramref name="rows"/> holds each record's row.</summary>
    public static void CheckSequence(IReadOnlyList<TicketHistoryRecord> records, IReadOnlyList<int> rows, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(errors);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count && errors.Count < MaxErrors; i++)
        {
            var record = records[i];
            if (i > 0 && record.Created < records[i - 1].Created)
            {
                errors.Add(new(Where(rows[i], "created"), Format(record.Created),
                    $"before the previous row's created ({Format(records[i - 1].Created)}, row {rows[i - 1]}); rows must be in time order"));
            }

            if (!ids.TryAdd(record.Id, rows[i]))
            {
                errors.Add(new(Where(rows[i], "id"), Quote(record.Id), $"already used on row {ids[record.Id]}"));
            }
        }
    }

    /// <summary>UTC time as the trace writes it: <c>2026-11-23T08:30:00Z</c>, with a fraction only when there is one.</summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Minutes as the trace writes them: up to four decimals (6 ms).</summary>
    public static string FormatMinutes(double minutes) =>
        (Math.Round(minutes, 4) == 0 ? 0.0 : minutes).ToString("0.####", CultureInfo.InvariantCulture);

    private static DateTime? Time(string? text, string field, bool required, Action<string, string?, string> add)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                add(field, text, "required: UTC time in ISO-8601, e.g. 2026-11-23T08:30:00Z");
            }

            return null;
        }

        var trimmed = text.Trim();
        var zoned = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || (trimmed.Length > 6 && trimmed[^6] is '+' or '-' && trimmed[^3] == ':');
        if (!zoned)
        {
            add(field, text, "has no time zone; write UTC with a Z, e.g. 2026-11-23T08:30:00Z");
            return null;
        }

        if (!DateTimeOffset.TryParseExact(trimmed, _timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            add(field, text, "not an ISO-8601 time, e.g. 2026-11-23T08:30:00Z");
            return null;
        }

        var utc = value.UtcDateTime;
        if (utc < InputBounds.MinStart || utc > InputBounds.MaxStart)
        {
            add(field, text, "must be between 2000-01-01 and 9000-12-31");
            return null;
        }

        return utc;
    }

    private static double? Minutes(string? text, string field, Action<string, string?, string> add)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || !double.IsFinite(minutes))
        {
            add(field, text, "expected minutes as a number");
            return null;
        }

        if (minutes < 0)
        {
            add(field, text, "must be ≥ 0 minutes");
            return null;
        }

        if (minutes > InputBounds.MaxDuration.TotalMinutes)
        {
            add(field, text, InputBounds.MaxDurationText);
            return null;
        }

        return minutes;
    }

    private static ImmutableArray<string> Names(IReadOnlyList<string>? names, string field, Action<string, string?, string> add)
    {
        if (names is null || names.Count == 0)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>(names.Count);
        foreach (var raw in names)
        {
            var name = raw?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                add(field, string.Join(";", names), "holds an empty name");
                return [];
            }

            if (name.Any(ch => char.IsControl(ch) || ch is ';' or '=' or '>'))
            {
                add(field, name, "a name must not hold ';', '=', '>' or control characters");
                return [];
            }

            result.Add(name);
        }

        return result.MoveToImmutable();
    }

    private static void CheckTier(string tier, string field, IReadOnlyCollection<string>? knownTiers, Action<string, string?, string> add)
    {
        if (knownTiers is not null && !knownTiers.Contains(tier))
        {
            add(field, tier, $"unknown tier (the desk has {string.Join(", ", knownTiers)})");
        }
    }

    private static ImmutableArray<TierMinutes> Handling(
        IReadOnlyList<KeyValuePair<string, string>>? items, ImmutableArray<string> tiers, IReadOnlyCollection<string>? knownTiers, Action<string, string?, string> add)
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<TierMinutes>(items.Count);
        foreach (var (rawTier, text) in items)
        {
            var tier = rawTier?.Trim() ?? "";
            var field = $"handling.{tier}";
            if (tier.Length == 0)
            {
                add("handling", $"{rawTier}={text}", "expected TIER=MINUTES, e.g. L1=3.2");
                continue;
            }

            var unknown = knownTiers is not null && !knownTiers.Contains(tier);
            CheckTier(tier, field, knownTiers, add);
            if (!unknown && !tiers.Contains(tier))
            {
                add(field, tier, $"not among the tiers touched ({string.Join(";", tiers)})");
            }

            if (result.Any(h => h.Tier == tier))
            {
                add(field, tier, "given twice; give the sum of the time worked at the tier");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                add(field, text, "expected minutes as a number");
            }
            else if (Minutes(text, field, add) is { } minutes)
            {
                result.Add(new TierMinutes(tier, minutes));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<HistoryEscalation> Escalations(
        IReadOnlyList<HistoryEscalation>? items, ImmutableArray<string> tiers, IReadOnlyCollection<string>? knownTiers, Action<string, string?, string> add)
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<HistoryEscalation>(items.Count);
        foreach (var item in items)
        {
            var from = item.From?.Trim() ?? "";
            var to = item.To?.Trim() ?? "";
            var reason = item.Reason?.Trim() ?? "";
            var shown = $"{from}>{to}:{reason}";
            if (from.Length == 0 || to.Length == 0)
            {
                add("escalations", shown, "expected FROM>TO[:reason], e.g. L1>L2:needs admin rights");
                continue;
            }

            if (reason.Any(ch => char.IsControl(ch) || ch == ';'))
            {
                add("escalations", shown, "a reason must not hold ';' or control characters");
                continue;
            }

            var ok = true;
            foreach (var tier in new[] { from, to })
            {
                if (knownTiers is not null && !knownTiers.Contains(tier))
                {
                    add("escalations", shown, $"unknown tier '{tier}' (the desk has {string.Join(", ", knownTiers)})");
                    ok = false;
                }
                else if (!tiers.Contains(tier))
                {
                    add("escalations", shown, $"tier '{tier}' is not among the tiers touched ({string.Join(";", tiers)})");
                    ok = false;
                }
            }

            if (ok && from == to)
            {
                add("escalations", shown, "an escalation goes to another tier");
                ok = false;
            }

            if (ok)
            {
                result.Add(new HistoryEscalation(from, to, reason));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>A value as an error shows it: quoted, and cut after 80 characters (a binary file can be one line of megabytes).</summary>
    internal static string Quote(string? value) => value switch
    {
        null => ValidationError.Missing,
        { Length: > 80 } => $"'{value[..80]}…' ({value.Length.ToString(CultureInfo.InvariantCulture)} characters)",
        _ => $"'{value}'",
    };
}
