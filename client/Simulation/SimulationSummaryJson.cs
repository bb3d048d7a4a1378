using System.Text.Json;
using System.Text.Json.Serialization;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Client.Simulation;

/// <summary>One total: mean with its confidence interval over <see cref="N"/> replications. Null where a value does not exist.</summary>
public sealed record TotalDocument(double? Mean, double? HalfWidth, double? Lower, double? Upper, long N, double Level);

/// <summary>
/// The scenario's service-level objective and how the run did against it: overall (first response
/// within the threshold) and per tier (answered within the tier's own threshold of joining its queue).
/// </summary>
public sealed record ObjectiveDocument(
    string Threshold, double Target, string? Priority, TotalDocument? Achieved, string Verdict,
    IReadOnlyDictionary<string, TierObjectiveDocument>? Tiers = null);

/// <summary>One tier's objective (its own or the desk-wide one) and its verdict.</summary>
public sealed record TierObjectiveDocument(string Threshold, double Target, bool OwnObjective, TotalDocument? Achieved, string Verdict);

/// <summary>Per-interval means of one tier. Ratios are ratios of mean counts.</summary>
public sealed record TierSeriesDocument(
    IReadOnlyList<double?> Offered,
    IReadOnlyList<double?> Answered,
    IReadOnlyList<double?> Abandoned,
    IReadOnlyList<double?> AnsweredWithinThreshold,
    IReadOnlyList<double?> ServiceLevel,
    IReadOnlyList<double?> AsaMinutes,
    IReadOnlyList<double?> Occupancy,
    IReadOnlyList<double?> Backlog,
    IReadOnlyList<double?> StaffedAgents,
    IReadOnlyList<double?> EscalatedOut);

/// <summary>Per-interval means of one priority, by arrival interval.</summary>
public sealed record PrioritySeriesDocument(
    IReadOnlyList<double?> Arrivals,
    IReadOnlyList<double?> FirstResponseMet,
    IReadOnlyList<double?> FirstResponseMissed,
    IReadOnlyList<double?> ResolutionMet,
    IReadOnlyList<double?> ResolutionMissed,
    IReadOnlyList<double?> Abandoned,
    IReadOnlyList<double?>? Refused = null);

public sealed record SeriesDocument(
    IReadOnlyList<DateTime> IntervalStarts,
    IReadOnlyList<double?> ExpectedArrivals,
    IReadOnlyDictionary<string, TierSeriesDocument> Tiers,
    IReadOnlyDictionary<string, PrioritySeriesDocument> Priorities);

/// <summary>The whole of summary.json.</summary>
public sealed record SummaryDocument(
    string Scenario,
    DateTime Start,
    double HorizonMinutes,
    double WarmUpMinutes,
    int IntervalMinutes,
    int Replications,
    ulong Seed,
    string Mode,
    DateTimeOffset GeneratedAt,
    ObjectiveDocument ServiceLevelObjective,
    IReadOnlyDictionary<string, TotalDocument> Totals,
    SeriesDocument Series);

/// <summary>
/// Writes and reads summary.json. JSON has no NaN or infinity, so a value that does not exist
/// (no tickets of a kind, a half-width from one replication) is written as null.
/// </summary>
public static class SimulationSummaryJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static SummaryDocument ToDocument(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scenario = results.Scenario;
        var slo = scenario.ServiceLevel;
        var tierObjectives = new Dictionary<string, TierObjectiveDocument>(StringComparer.Ordinal);
        foreach (var tier in scenario.Desk.Tiers.Select(t => t.Name))
        {
            var (threshold, target) = slo.For(tier);
            tierObjectives[tier] = new TierObjectiveDocument(
                ReportFormat.Duration(threshold), target, slo.Tiers?.ContainsKey(tier) == true,
                results.Total($"{tier}.serviceLevel") is { } tierAchieved ? Total(tierAchieved) : null, results.TierVerdict(tier).ToString());
        }

        var objective = new ObjectiveDocument(
            ReportFormat.Duration(slo.Threshold), slo.Target, slo.Priority?.ToString(),
            results.Total("serviceLevel") is { } achieved ? Total(achieved) : null, results.Verdict.ToString(), tierObjectives);
        var totals = new SortedDictionary<string, TotalDocument>(StringComparer.Ordinal);
        foreach (var (key, ci) in results.Totals)
        {
            totals[key] = Total(ci);
        }

        var tiers = new Dictionary<string, TierSeriesDocument>(StringComparer.Ordinal);
        foreach (var t in results.Tiers)
        {
            var capacity = Core.Simulation.StaffingPlan.TierCapacity(scenario, t.Tier);
            var n = results.IntervalCount;
            tiers[t.Tier] = new TierSeriesDocument(
                Values(t.Offered), Values(t.Answered), Values(t.Abandoned), Values(t.AnsweredWithin),
                Values(n, t.ServiceLevel), Values(n, t.AsaMinutes), Values(n, t.Occupancy), Values(t.Backlog),
                Values(n, i => t.StaffedSlots(i) / capacity), Values(t.EscalatedOut));
        }

        var priorities = new Dictionary<string, PrioritySeriesDocument>(StringComparer.Ordinal);
        foreach (var p in results.Priorities)
        {
            priorities[p.Priority.ToString()] = new PrioritySeriesDocument(
                Values(p.Arrivals), Values(p.FirstResponseMet), Values(p.FirstResponseMissed), Values(p.ResolutionMet), Values(p.ResolutionMissed), Values(p.Abandoned), Values(p.Refused));
        }

        return new SummaryDocument(
            scenario.Name, scenario.Start, scenario.HorizonMinutes, scenario.WarmUp.TotalMinutes, scenario.IntervalMinutes,
            results.Summary.Replications, scenario.Seed, results.Mode, results.GeneratedAt, objective, totals,
            new SeriesDocument(results.IntervalStarts, Values(results.ExpectedArrivals), tiers, priorities));
    }

    public static string Write(SimulationResults results) => Write(ToDocument(results));

    public static string Write(SummaryDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Reads a summary.json back; throws <see cref="JsonException"/> when it is not one.</summary>
    public static SummaryDocument Read(string json) =>
        JsonSerializer.Deserialize<SummaryDocument>(json, Options) ?? throw new JsonException("summary.json: expected an object");

    public static TotalDocument Total(ConfidenceInterval ci) =>
        new(Finite(ci.Mean), Finite(ci.HalfWidth), Finite(ci.Lower), Finite(ci.Upper), ci.Count, ci.Level);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static double?[] Values(double[] values) => [.. values.Select(Finite)];

    private static double?[] Values(int count, Func<int, double> value) => [.. Enumerable.Range(0, count).Select(i => Finite(value(i)))];
}
