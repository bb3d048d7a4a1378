using System.Globalization;
using System.Text;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Reports;

/// <summary>The Orleans-specific parts of the reports: setup, invariant audit, service measures, per-silo load, and the multi-run tables.</summary>
public static class OrleansReport
{
    public const string SubmitToAssign = "submit->assign";

    /// <summary>Appended to a run's report.md.</summary>
    public static string Section(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sb = new StringBuilder();
        sb.Append("## SupportQueue target\n\n");
        foreach (var line in SetupLines(record))
        {
            sb.Append("- ").Append(line).Append('\n');
        }

        sb.Append('\n').Append(InvariantSection(record.Invariants));
        var diagnosis = Diagnosis(record).ToList();
        if (diagnosis.Count > 0)
        {
            sb.Append("## Why the thresholds failed\n\n").Append(string.Concat(diagnosis.Select(d => "- " + d + "\n"))).Append('\n');
        }

        var o = record.Outcome;
        sb.Append("## Service (simulated time, from the tickets' histories)\n\n| measure | value |\n| --- | --- |\n");
        foreach (var (name, value) in OutcomeRows(record))
        {
            sb.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
        }

        sb.Append('\n');
        if (record.Tiers.Count > 0)
        {
            sb.Append("## Service per tier (simulated time; a queue visit belongs to the tier it waited in)\n\n| ").Append(string.Join(" | ", TierHeader)).Append(" |\n|")
                .Append(string.Concat(TierHeader.Select(_ => " --- |"))).Append('\n');
            foreach (var row in TierRows(record))
            {
                sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
            }

            sb.Append('\n');
        }

        var total = record.Info.ReceivedBySilo.Values.Sum();
        sb.Append("## Load per silo (messages received during the run, Orleans meter ").Append(SiloMessageMeter.InstrumentName).Append("; activations at the last sample)\n\n");
        if (!record.Info.MessagesMeasured)
        {
            sb.Append("Messages per silo: not measured — an external cluster's meters live in its silo processes (read them there, e.g. `dotnet-counters monitor --counters Microsoft.Orleans`).\n\n");
        }

        sb.Append("| silo | messages | share | activations |\n| --- | --- | --- | --- |\n");
        foreach (var (silo, count) in record.Info.ReceivedBySilo.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            sb.Append("| ").Append(silo).Append(" | ").Append(I(count)).Append(" | ").Append(total == 0 ? "-" : N(100.0 * count / total) + " %")
                .Append(" | ").Append(record.Info.ActivationsBySilo.TryGetValue(silo, out var a) ? I(a) : "gone").Append(" |\n");
        }

        if (o.Tickets == 0 && total == 0)
        {
            sb.Append("| (none) | | | |\n");
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>How the run was set up: cluster, load, compression, roster, tickets, observation, events.</summary>
    public static IEnumerable<string> SetupLines(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var w = record.Info.Workload;
        yield return $"Cluster: {record.Info.Cluster}, desk `{record.Info.DeskId}`";
        yield return $"Load: {record.Info.Load}";
        yield return $"Time compression: {N(w.TimeCompression)}x (1 wall second = {N(w.TimeCompression / 60)} simulated minutes; handling times, patience, shifts and breaks" +
            (record.Silos > 0 ? " and desk deadlines)" : "; an external cluster's desk deadlines run on its own real-time clock)");
        yield return "Roster: " + string.Join(", ", w.Scenario.Roster.Groups.Select(g => $"{g.Name} ({g.Tier}) {I(g.Count)} × capacity {I(g.Capacity)}{(g.Shifts.IsDefaultOrEmpty ? "" : $", {I(g.Shifts.Length)} shift(s)")}")) +
            $"; desk tiers {string.Join("/", w.TierNames)}, escalation rules {I(w.Scenario.Desk.Escalation.Length)}";
        yield return "Tickets: " + string.Join(", ", w.Scenario.TicketClasses.Select(c => $"{c.Name} {N(c.Share)} {c.Priority}")) +
            "; handling, escalation and patience drawn from the classes' distributions (the simulator's samplers)";
        yield return $"submit->assign observed by: {record.Info.AssignmentObservation}";
        foreach (var e in record.Info.Events)
        {
            yield return $"Event: {e}";
        }
    }

    /// <summary>
    /// Why latency thresholds failed, when the run itself can tell: the loader started its own
    /// submits late, the process stood still for GC, or the machine had more runnable work than cores.
    /// Empty when every threshold passed.
    /// </summary>
    public static IEnumerable<string> Diagnosis(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var failed = record.Result.Thresholds.Where(t => !t.Passed && t.Threshold.IsLatency).ToList();
        if (failed.Count == 0)
        {
            yield break;
        }

        var submit = Op(record, "submit");
        var lag = submit is null || submit.Count == 0 ? 0 : submit.StartLag.P99;
        var gc = record.Result.Resources.GcPauseLongest.TotalMilliseconds;
        var cores = record.Result.Resources.ProcessorCount;
        var busy = record.Info.LoadAverage is { } load && load > cores;
        yield return $"Failed: {string.Join("; ", failed.Select(t => $"{t.Threshold.Text} ({t.Detail})"))}.";
        yield return $"The load generator started its submits up to {N(lag)} ms late (p99 start lag), the longest GC pause was {N(gc)} ms, " +
            (record.Info.LoadAverage is { } l ? $"and the machine's load average was {N(l)} on {I(cores)} cores." : $"on {I(cores)} cores (load average unknown).");
        // submit->assign ends at the first assignment, so it includes the wait for a free agent (in compressed time).
        var assignLimit = failed.Where(t => t.Threshold.Operation?.StartsWith(SubmitToAssign, StringComparison.Ordinal) == true).Select(t => t.Threshold.Limit).DefaultIfEmpty(double.NaN).Min();
        var waitMs = record.Outcome.P90SpeedOfAnswer.TotalMilliseconds / record.Info.Workload.TimeCompression;
        if (waitMs > assignLimit / 2)
        {
            yield return $"Tickets waited for a free agent: p90 wait to first answer {N(record.Outcome.P90SpeedOfAnswer.TotalMinutes)} simulated min = {N(waitMs)} ms wall at {N(record.Info.Workload.TimeCompression)}x. " +
                "submit->assign includes that wait, so a limit below it judges the roster (or agents slowed by a busy machine), not the routing.";
        }

        yield return busy || lag > failed.Min(t => t.Threshold.Limit) / 2
            ? "The machine was busy (more runnable work than cores, or the loader itself late): the latency includes waiting for a core. Re-run on a quiet machine before reading it as the system's."
            : "The machine was not overloaded: the latency is the system's own.";
    }

    // A churn run can leave thousands; the first ones show the pattern, the counts above give the total.
    private const int MaxUncertainListed = 50;

    public static string InvariantSection(InvariantReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder("## Invariant check\n\n");
        sb.Append("- Verdict: **").Append(r.Passed ? "PASSED" : "FAILED").Append("**\n");
        sb.Append("- Accounted: ").Append(I(r.Accounted)).Append(" tickets = ").Append(I(r.Resolved)).Append(" resolved + ").Append(I(r.Queued)).Append(" queued + ")
            .Append(I(r.InService)).Append(" in service + ").Append(I(r.Abandoned)).Append(" abandoned (")
            .Append(I(r.UncertainFound)).Append(" of them from submits that failed ambiguously or never answered)\n");
        if (r.UncertainSubmits.Count > 0)
        {
            // Calls in flight on a killed silo show as errors; what matters is whether each ticket was stored.
            var stored = r.UncertainSubmits.Count(u => u.Stored);
            sb.Append("- Submits that failed ambiguously or never answered: ").Append(I(r.UncertainSubmits.Count)).Append(" — ")
                .Append(I(stored)).Append(" stored after all (counted above), ").Append(I(r.UncertainSubmits.Count - stored)).Append(" not stored (nothing left behind)\n");
            sb.Append("\n| ticket | stored | status |\n| --- | --- | --- |\n");
            foreach (var u in r.UncertainSubmits.Take(MaxUncertainListed))
            {
                sb.Append("| ").Append(u.TicketId).Append(" | ").Append(u.Stored ? "yes" : "no").Append(" | ").Append(u.Status?.ToString() ?? "—").Append(" |\n");
            }

            if (r.UncertainSubmits.Count > MaxUncertainListed)
            {
                sb.Append("| … ").Append(I(r.UncertainSubmits.Count - MaxUncertainListed)).Append(" more | | |\n");
            }
        }

        if (!r.Passed)
        {
            sb.Append("\n| violation |\n| --- |\n");
            foreach (var v in r.Violations)
            {
                sb.Append("| ").Append(v.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).Append(" |\n");
            }
        }

        return sb.Append('\n').ToString();
    }

    public static string InvariantLine(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = record.Invariants;
        return $"- {record.Label}: invariants {(r.Passed ? "passed" : "**FAILED**: " + string.Join("; ", r.Violations.Take(5)))}\n";
    }

    public static string RunSummary(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var submit = Op(record, "submit");
        var assign = Op(record, SubmitToAssign);
        return $"{record.Label}: submit {N(submit?.Throughput ?? 0)}/s p50 {Ms(submit, 50)} p99 {Ms(submit, 99)} ms; " +
            $"submit->assign p50 {Ms(assign, 50)} p99 {Ms(assign, 99)} ms; errors {I(Errors(record))}; " +
            $"invariants {(record.Invariants.Passed ? "ok" : "VIOLATED")}; thresholds {(record.Result.Passed ? "ok" : "FAILED")}";
    }

    public static bool Holds(OrleansRunRecord record, double limitMs)
    {
        ArgumentNullException.ThrowIfNull(record);
        var assign = Op(record, SubmitToAssign);
        var submitted = Op(record, "submit")?.Count ?? 0;
        // Every ticket must have been answered: a queue that only grew would leave the slow ones unmeasured.
        return assign is not null && assign.Count >= submitted * 0.99 && assign.PercentileMs(99) <= limitMs && Errors(record) == 0 && record.Invariants.Passed;
    }

    /// <summary>Far past the limit, or tickets left unanswered: higher rates would only be slower.</summary>
    public static bool Collapsed(OrleansRunRecord record, double limitMs)
    {
        ArgumentNullException.ThrowIfNull(record);
        var assign = Op(record, SubmitToAssign);
        var submitted = Op(record, "submit")?.Count ?? 0;
        return assign is null || assign.Count < submitted * 0.9 || assign.PercentileMs(99) > 10 * limitMs;
    }

    public static string ScaleTable(IReadOnlyList<OrleansRunRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        // The loader's own start lag and the longest GC pause sit beside the corrected p99 so a reader can
        // tell a slow system from a late loader or a stopped process.
        var sb = new StringBuilder("| configuration | submit/s | submit p50 ms | submit p99 ms | submit->assign p50 ms | submit->assign p99 ms | loader start lag p99 ms | longest GC pause ms | assigned | errors | dropped | invariants |\n");
        sb.Append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var r in records)
        {
            var submit = Op(r, "submit");
            var assign = Op(r, SubmitToAssign);
            sb.Append("| ").Append(r.Label).Append(" | ").Append(N(SubmitRate(r, submit))).Append(" | ").Append(Ms(submit, 50)).Append(" | ").Append(Ms(submit, 99))
                .Append(" | ").Append(Ms(assign, 50)).Append(" | ").Append(Ms(assign, 99))
                .Append(" | ").Append(submit is null || submit.Count == 0 ? "-" : N(submit.StartLag.P99)).Append(" | ").Append(N(r.Result.Resources.GcPauseLongest.TotalMilliseconds))
                .Append(" | ").Append(I(assign?.Count ?? 0))
                .Append(" | ").Append(I(Errors(r))).Append(" | ").Append(I(submit?.Dropped ?? 0)).Append(" | ").Append(r.Invariants.Passed ? "ok" : "**violated**").Append(" |\n");
        }

        return sb.ToString();
    }

    public static string BenchTable(IReadOnlyList<OrleansRunRecord> records, double limitMs)
    {
        ArgumentNullException.ThrowIfNull(records);
        var best = records.Where(r => Holds(r, limitMs)).Select(r => r.Label).LastOrDefault() ?? "none of the rates tried";
        var firstMiss = records.FirstOrDefault(r => !Holds(r, limitMs))?.Label;
        return ScaleTable(records) + $"\nHighest rate holding p99 submit->assign <= {N(limitMs)} ms with every ticket answered and no errors: **{best}**" +
            (firstMiss is null ? "\n" : $" (first rate that missed: {firstMiss})\n");
    }

    public static string CompareTable(IReadOnlyList<OrleansRunRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sb = new StringBuilder("| measure | ").Append(string.Join(" | ", records.Select(r => r.Label))).Append(" |\n|---|")
            .Append(string.Concat(records.Select(_ => "---|"))).Append('\n');
        var columns = records.Select(r => OutcomeRows(r).ToList()).ToList();
        for (var i = 0; i < columns[0].Count; i++)
        {
            sb.Append("| ").Append(columns[0][i].Name).Append(" | ").Append(string.Join(" | ", columns.Select(c => c[i].Value))).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>The desk-wide service measures, as shown in every report.</summary>
    public static IEnumerable<(string Name, string Value)> OutcomeRows(OrleansRunRecord r)
    {
        var o = r.Outcome;
        var submit = Op(r, "submit");
        var assign = Op(r, SubmitToAssign);
        return
        [
            ("tickets", I(o.Tickets)),
            ($"service level (answered within {N(o.ServiceLevelTarget.TotalMinutes)} min)", N(o.ServiceLevelPercent) + " %"),
            ("ASA, mean wait to first answer", N(o.AverageSpeedOfAnswer.TotalMinutes) + " min"),
            ("wait to first answer, p90", N(o.P90SpeedOfAnswer.TotalMinutes) + " min"),
            ("escalated (any)", N(o.EscalatedPercent) + " %"),
            ("escalated by an agent", N(o.AgentEscalatedPercent) + " %"),
            ("escalated by the desk from the queue", N(o.DeskEscalatedPercent) + " %"),
            ("routed past L1 at entry (overflow, skill gap)", N(o.RoutedPastL1AtEntryPercent) + " %"),
            ("abandoned", N(o.AbandonedPercent) + " %"),
            ("resolved by the end", I(o.Resolved)),
            ("submit p50 / p99 (wall)", $"{Ms(submit, 50)} / {Ms(submit, 99)} ms"),
            ("submit->assign p50 / p99 (wall, CO-corrected)", $"{Ms(assign, 50)} / {Ms(assign, 99)} ms"),
            ("errors", I(Errors(r))),
            ("invariants", r.Invariants.Passed ? "ok" : "**violated**"),
        ];
    }

    public static readonly string[] TierHeader =
        ["tier", "threshold", "visits", "answered", "service level", "ASA", "wait p90", "abandoned", "escalated out", "occupancy", "p99 submit->assign (wall)"];

    /// <summary>One row per tier, formatted, in <see cref="TierHeader"/> order.</summary>
    public static IEnumerable<string[]> TierRows(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        static string P(double ratio) => double.IsNaN(ratio) ? "-" : N(100 * ratio) + " %";
        static string M(double minutes) => double.IsNaN(minutes) ? "-" : N(minutes) + " min";
        return record.Tiers.Select(t => new[]
        {
            t.Tier, M(t.Threshold.TotalMinutes), I(t.Offered), I(t.Answered), P(t.ServiceLevel), M(t.AsaMinutes), M(t.WaitP90Minutes),
            P(t.AbandonmentRate), P(t.EscalationRate), P(t.Occupancy), double.IsNaN(t.SubmitAssignP99Ms) ? "-" : N(t.SubmitAssignP99Ms) + " ms",
        });
    }

    // Over the arrival window, not the whole run: the agents' tail after the last arrival would
    // otherwise make a rate that was met look short of its target (1,911/s at 2,000/s).
    private static double SubmitRate(OrleansRunRecord r, OperationStats? submit)
    {
        var window = r.Result.Scenarios.FirstOrDefault(s => s.Name == OrleansLoadTarget.SubmitScenario)?.PlannedDuration ?? TimeSpan.Zero;
        return submit is null ? 0 : window > TimeSpan.Zero ? submit.Count / window.TotalSeconds : submit.Throughput;
    }

    private static OperationStats? Op(OrleansRunRecord r, string name) => r.Result.Operations.FirstOrDefault(o => o.Operation == name);

    private static long Errors(OrleansRunRecord r) => r.Result.Operations.Sum(o => o.Failures);

    private static string Ms(OperationStats? o, double percentile) => o is null || o.Count == 0 ? "-" : N(o.PercentileMs(percentile));

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
