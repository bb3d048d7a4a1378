using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.History;

/// <summary>
/// Replaying a recorded trace in virtual time (<c>simulate --arrivals</c>) against a scenario's desk,
/// roster and ticket classes. What comes from where:
/// <list type="bullet">
/// <item>arrival times, priority, skills and entry tier: the trace, ticket by ticket;</item>
/// <item>ticket class: the trace's class when the scenario has it, else the first scenario class
/// of the same priority, else the first class;</item>
/// <item>handling time per tier: the recorded minutes where known, the class's distribution elsewhere;</item>
/// <item>escalation: the recorded tiers touched are the ticket's need: service resolves it at the
/// deepest tier it touched and escalates it below that (the desk's policy may still move it while
/// it waits);</item>
/// <item>patience (abandonment): the class's distribution — recorded outcomes are what the replay
/// predicts, not an input; reopens are not replayed (a recorded reopen shows as a repeated tier).</item>
/// </list>
/// Random draws happen as in a normal run and are then overridden, so the streams stay aligned
/// and two policies replayed on one seed see the same customers.
/// </summary>
public static class ArrivalReplay
{
    /// <summary>
    /// The scenario set up to replay <paramref name="trace"/>: the run starts at midnight of the
    /// first ticket's day and lasts whole days up to the end of the last ticket's day; no warm-up.
    /// </summary>
    public static Scenario Prepare(Scenario scenario, IReadOnlyList<TicketHistoryRecord> trace)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Count == 0)
        {
            throw new ArgumentException("the trace holds no tickets", nameof(trace));
        }

        var start = DateTime.SpecifyKind(trace[0].Created.Date, DateTimeKind.Unspecified);
        var days = Math.Max(1, (int)Math.Ceiling((trace[^1].Created - trace[0].Created.Date).TotalDays + 1e-9));
        return scenario with
        {
            Start = start,
            Horizon = TimeSpan.FromDays(days),
            WarmUp = TimeSpan.Zero,
            Arrivals = [.. trace],
        };
    }

    /// <summary>Problems of a scenario's trace: tiers the desk lacks, tickets outside the run.</summary>
    public static IReadOnlyList<string> Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new List<string>();
        var end = scenario.Start.AddMinutes(scenario.HorizonMinutes);
        for (var i = 0; i < scenario.Arrivals.Length && errors.Count < HistoryRowParser.MaxErrors; i++)
        {
            var r = scenario.Arrivals[i];
            var at = $"arrivals ticket {r.Id}";
            foreach (var tier in r.Tiers.Prepend(r.EntryTier).Distinct(StringComparer.Ordinal))
            {
                if (scenario.Desk.TierIndex(tier) < 0)
                {
                    errors.Add($"{at}: '{tier}' — no such tier on the desk ({string.Join(", ", scenario.Desk.Tiers.Select(t => t.Name))})");
                }
            }

            var created = DateTime.SpecifyKind(r.Created, DateTimeKind.Unspecified);
            if (created < scenario.Start || created >= end)
            {
                errors.Add($"{at}: {HistoryRowParser.Format(r.Created)} — outside the run ({scenario.Start:yyyy-MM-dd'T'HH:mm} + {scenario.Horizon})");
            }
        }

        if (scenario.Arrivals.IsEmpty)
        {
            errors.Add("arrivals: (empty) — the trace holds no tickets");
        }

        return errors;
    }

    /// <summary>Replayed tickets per interval of the scenario, for the run's expected counts.</summary>
    public static VolumeSeries Counts(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var interval = scenario.IntervalMinutes;
        var counts = new double[Math.Max(1, scenario.IntervalCount), 1];
        foreach (var r in scenario.Arrivals)
        {
            var index = (int)(Minutes(scenario, r) / interval);
            if (index >= 0 && index < counts.GetLength(0))
            {
                counts[index, 0]++;
            }
        }

        return new VolumeSeries(scenario.Start, interval, [], counts);
    }

    /// <summary>Which source each quantity of a replay comes from, with counts, for the user to read.</summary>
    public static IReadOnlyList<(string Quantity, string Source)> Sources(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var trace = scenario.Arrivals;
        var byName = scenario.TicketClasses.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var named = trace.Count(r => r.Class is not null && byName.Contains(r.Class));
        var stays = 0;
        var known = 0;
        foreach (var r in trace)
        {
            var need = Need(scenario, r);
            for (var t = scenario.Desk.TierIndex(r.EntryTier); t >= 0 && t <= need; t++)
            {
                stays++;
                known += r.HandlingAt(scenario.Desk.Tiers[t].Name) is null ? 0 : 1;
            }
        }

        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var share = stays == 0 ? 0 : 100.0 * known / stays;
        return
        [
            ("arrival times", $"trace: {N(trace.Length)} tickets, {HistoryRowParser.Format(trace[0].Created)} to {HistoryRowParser.Format(trace[^1].Created)}"),
            ("priority, skills, entry tier", "trace, ticket by ticket"),
            ("ticket class", $"trace for {N(named)} tickets; {N(trace.Length - named)} matched by priority to the scenario's classes"),
            ("handling time", $"trace for {N(known)} of {N(stays)} tier stays ({share.ToString("0.#", CultureInfo.InvariantCulture)} %); the class's distribution for the rest"),
            ("escalation", "trace: each ticket is resolved at the deepest tier it touched, escalated below it; the desk's policy may move it while it waits"),
            ("patience (abandonment)", "scenario: the class's distribution; recorded outcomes are compared, not replayed"),
            ("reopens", "not replayed (a recorded reopen shows as a repeated tier)"),
        ];
    }

    /// <summary>Minutes from the run's start to the ticket's arrival.</summary>
    internal static double Minutes(Scenario scenario, TicketHistoryRecord record) =>
        (DateTime.SpecifyKind(record.Created, DateTimeKind.Unspecified) - scenario.Start).TotalMinutes;

    /// <summary>The deepest desk tier the ticket touched (its need); -1 when none is on the desk.</summary>
    internal static int Need(Scenario scenario, TicketHistoryRecord record) =>
        record.Tiers.Prepend(record.EntryTier).Max(scenario.Desk.TierIndex);

    /// <summary>The scenario class a record replays as (an index into its ticket classes).</summary>
    internal static int ClassOf(Scenario scenario, TicketHistoryRecord record)
    {
        var classes = scenario.TicketClasses;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var c = 0; c < classes.Length; c++)
            {
                if (pass == 0 ? string.Equals(classes[c].Name, record.Class, StringComparison.Ordinal) : classes[c].Priority == record.Priority)
                {
                    return c;
                }
            }
        }

        return 0;
    }

    internal static ImmutableArray<string> SkillsOf(TicketHistoryRecord record) => record.Skills.IsDefaultOrEmpty ? default : record.Skills;
}
