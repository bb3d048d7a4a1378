using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Client.Simulation;

/// <summary>
/// Per-interval means of one tier over the replications. Ratios (service level, ASA, occupancy)
/// are ratios of the mean counts, not means of per-replication ratios: a quiet interval with two
/// tickets must not weigh as much as a busy one.
/// </summary>
public sealed record TierIntervals(
    string Tier,
    double[] Offered,
    double[] Answered,
    double[] AnsweredWithin,
    double[] Abandoned,
    double[] WaitMinutes,
    double[] EscalatedOut,
    double[] StaffedMinutes,
    double[] BusyMinutes,
    double[] Backlog,
    double[] HandleMinutes,
    double[] Handled,
    int IntervalMinutes)
{
    public double ServiceLevel(int i) => Ratio(AnsweredWithin[i], Answered[i] + Abandoned[i]);

    public double AsaMinutes(int i) => Ratio(WaitMinutes[i], Answered[i]);

    public double Occupancy(int i) => Ratio(BusyMinutes[i], StaffedMinutes[i]);

    /// <summary>Ticket slots on duty on average (agents × capacity).</summary>
    public double StaffedSlots(int i) => StaffedMinutes[i] / IntervalMinutes;

    internal static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}

/// <summary>Per-interval means of one priority over the replications (by arrival interval); refused customers are among the arrivals.</summary>
public sealed record PriorityIntervals(
    Priority Priority,
    double[] Arrivals,
    double[] FirstResponseMet,
    double[] FirstResponseMissed,
    double[] ResolutionMet,
    double[] ResolutionMissed,
    double[] Abandoned,
    double[] Refused)
{
    public double FirstResponseAttainment(int i) => TierIntervals.Ratio(FirstResponseMet[i], FirstResponseMet[i] + FirstResponseMissed[i]);

    public double ResolutionAttainment(int i) => TierIntervals.Ratio(ResolutionMet[i], ResolutionMet[i] + ResolutionMissed[i]);
}

/// <summary>How the achieved service level compares with the objective, given its confidence interval.</summary>
public enum ObjectiveVerdict
{
    /// <summary>The whole confidence interval is at or above the target.</summary>
    Met,

    /// <summary>The mean is at or above the target but the interval reaches below it.</summary>
    MetNarrowly,

    /// <summary>The mean is below the target but the interval reaches above it.</summary>
    MissedNarrowly,

    /// <summary>The whole interval is below the target.</summary>
    Missed,

    /// <summary>No ticket counted toward the objective.</summary>
    NoData,
}

/// <summary>
/// Everything the reports are built from: the scenario as run, the merged replications, the
/// staffing plan, and the per-interval means. Pure data; building it does no I/O.
/// </summary>
public sealed class SimulationResults
{
    public SimulationResults(Scenario scenario, SimulationSummary summary, string mode, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(summary);
        Scenario = scenario;
        Summary = summary;
        Mode = mode;
        GeneratedAt = generatedAt;
        Plan = StaffingPlan.Build(scenario, summary);
        IntervalCount = summary.Runs[0].Tiers.IsDefaultOrEmpty ? 0 : summary.Runs[0].Tiers[0].Offered.Length;
        IntervalStarts = [.. Enumerable.Range(0, IntervalCount).Select(i => scenario.Start.AddMinutes(i * (double)scenario.IntervalMinutes))];
        ExpectedArrivals = summary.MeanSeries(r => r.ExpectedArrivals);

        var tiers = ImmutableArray.CreateBuilder<TierIntervals>();
        for (var t = 0; t < scenario.Desk.TierCount; t++)
        {
            var index = t;
            double[] L(Func<TierSeries, ImmutableArray<long>> pick) => summary.MeanSeries(r => ToDouble(pick(r.Tiers[index])));
            double[] D(Func<TierSeries, ImmutableArray<double>> pick) => summary.MeanSeries(r => pick(r.Tiers[index]));
            tiers.Add(new TierIntervals(
                scenario.Desk.Tiers[t].Name,
                L(s => s.Offered), L(s => s.Answered), L(s => s.AnsweredWithin), L(s => s.Abandoned), D(s => s.WaitMinutes),
                L(s => s.EscalatedOut), D(s => s.StaffedMinutes), D(s => s.BusyMinutes), L(s => s.Backlog), D(s => s.HandleMinutes),
                L(s => s.Handled), scenario.IntervalMinutes));
        }

        Tiers = tiers.ToImmutable();

        var priorities = ImmutableArray.CreateBuilder<PriorityIntervals>();
        for (var p = 0; p < summary.Runs[0].Priorities.Length; p++)
        {
            var index = p;
            double[] L(Func<PrioritySeries, ImmutableArray<long>> pick) => summary.MeanSeries(r => ToDouble(pick(r.Priorities[index])));
            priorities.Add(new PriorityIntervals(
                summary.Runs[0].Priorities[p].Priority,
                L(s => s.Arrivals), L(s => s.FirstResponseMet), L(s => s.FirstResponseMissed), L(s => s.ResolutionMet), L(s => s.ResolutionMissed), L(s => s.Abandoned),
                L(Refused)));
        }

        Priorities = priorities.ToImmutable();
        Totals = WithDerivedTotals(scenario, summary);
    }

    public Scenario Scenario { get; }

    public SimulationSummary Summary { get; }

    public StaffingPlan Plan { get; }

    /// <summary>fast or grains.</summary>
    public string Mode { get; }

    public DateTimeOffset GeneratedAt { get; }

    public int IntervalCount { get; }

    public ImmutableArray<DateTime> IntervalStarts { get; }

    /// <summary>Tickets the demand profile expects per interval (the rate, before randomness).</summary>
    public double[] ExpectedArrivals { get; }

    public ImmutableArray<TierIntervals> Tiers { get; }

    public ImmutableArray<PriorityIntervals> Priorities { get; }

    /// <summary>The summary's totals plus per-tier abandon rates (abandoned / offered, per replication) and the refusals (see <see cref="Refusals"/>).</summary>
    public ImmutableSortedDictionary<string, ConfidenceInterval> Totals { get; }

    public ConfidenceInterval? Total(string key) => Totals.TryGetValue(key, out var ci) ? ci : null;

    /// <summary>Where the scenario's objective stands: the overall first-response service level against its target.</summary>
    public ObjectiveVerdict Verdict => Judge(Total("serviceLevel"), Scenario.ServiceLevel.Target);

    /// <summary>Where tier <paramref name="tier"/> stands: its service level (wait in its own queue) against its own target.</summary>
    public ObjectiveVerdict TierVerdict(string tier) => Judge(Total($"{tier}.serviceLevel"), Scenario.ServiceLevel.For(tier).Target);

    /// <summary>Met or missed, and whether the confidence interval is clear of the target.</summary>
    public static ObjectiveVerdict Judge(ConfidenceInterval? achieved, double target)
    {
        if (achieved is not { } a || double.IsNaN(a.Mean))
        {
            return ObjectiveVerdict.NoData;
        }

        var lower = double.IsNaN(a.HalfWidth) ? a.Mean : a.Lower;
        var upper = double.IsNaN(a.HalfWidth) ? a.Mean : a.Upper;
        return a.Mean >= target
            ? lower >= target ? ObjectiveVerdict.Met : ObjectiveVerdict.MetNarrowly
            : upper >= target ? ObjectiveVerdict.MissedNarrowly : ObjectiveVerdict.Missed;
    }

    private static ImmutableSortedDictionary<string, ConfidenceInterval> WithDerivedTotals(Scenario scenario, SimulationSummary summary)
    {
        var totals = summary.Totals.ToBuilder();
        var refusals = summary.Runs.Select(Refusals).ToArray();
        foreach (var key in refusals.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal))
        {
            var values = refusals.Select(r => r.GetValueOrDefault(key, double.NaN)).Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length > 0 && !totals.ContainsKey(key))
            {
                totals[key] = values.Length == 1 ? new ConfidenceInterval(values[0], double.NaN, 1, 0.95) : ConfidenceInterval.FromSample(values);
            }
        }

        foreach (var tier in scenario.Desk.Tiers)
        {
            var key = $"{tier.Name}.abandonRate";
            if (totals.ContainsKey(key))
            {
                continue;
            }

            var rates = summary.Runs.Select(r => AbandonRate(r, tier.Name)).Where(v => !double.IsNaN(v)).ToArray();
            if (rates.Length > 0)
            {
                totals[key] = rates.Length == 1 ? new ConfidenceInterval(rates[0], double.NaN, 1, 0.95) : ConfidenceInterval.FromSample(rates);
            }
        }

        return totals.ToImmutable();
    }

    /// <summary>
    /// One replication's totals as <see cref="Totals"/> merges them: the run's own plus the derived
    /// per-tier abandon rates. replications.csv writes these, so every total can be re-derived.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>> ReplicationTotals(ReplicationResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var values = new SortedDictionary<string, double>(run.Totals.Values, StringComparer.Ordinal);
        foreach (var (key, value) in Refusals(run))
        {
            values.TryAdd(key, value);
        }

        foreach (var tier in Scenario.Desk.Tiers)
        {
            values.TryAdd($"{tier.Name}.abandonRate", AbandonRate(run, tier.Name));
        }

        return [.. values];
    }

    /// <summary>
    /// One replication's refusals (customers a full desk turned away): <c>refused</c> and
    /// <c>refuseRate</c> (refused / arrivals, the blocking probability), and per priority with
    /// arrivals <c>P?.refused</c> and <c>P?.refuseRate</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Refusals(ReplicationResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = 0L;
        foreach (var p in run.Priorities)
        {
            var refused = p.Refused.IsDefault ? 0 : p.Refused.Sum();
            var arrivals = p.Arrivals.Sum();
            total += refused;
            if (arrivals > 0)
            {
                result[$"{p.Priority}.refused"] = refused;
                result[$"{p.Priority}.refuseRate"] = (double)refused / arrivals;
            }
        }

        result["refused"] = total;
        result["refuseRate"] = run.Totals.Values.TryGetValue("arrivals", out var all) && all > 0 ? total / all : double.NaN;
        return result;
    }

    /// <summary>A priority's refusals; zeros for a result made before refusals were counted.</summary>
    private static ImmutableArray<long> Refused(PrioritySeries series) =>
        series.Refused.IsDefault ? ImmutableArray.Create(new long[series.Arrivals.Length]) : series.Refused;

    /// <summary>Abandoned / offered at one tier in one replication; NaN when nothing was offered.</summary>
    private static double AbandonRate(ReplicationResult run, string tier) =>
        run.Totals.Values.TryGetValue($"{tier}.abandoned", out var a) && run.Totals.Values.TryGetValue($"{tier}.offered", out var o) && o > 0 ? a / o : double.NaN;

    private static double[] ToDouble(ImmutableArray<long> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
