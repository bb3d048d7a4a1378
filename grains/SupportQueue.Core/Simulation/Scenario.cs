using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Simulation;

/// <summary>A break inside a shift: starts <see cref="After"/> into the shift.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.BreakSpec")]
public sealed record BreakSpec(
    [property: Id(0)] TimeSpan After,
    [property: Id(1)] TimeSpan Duration);

/// <summary>
/// A working shift on the given weekdays (empty = every day). <see cref="End"/> before
/// <see cref="Start"/> means the shift runs past midnight.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ShiftSpec")]
public sealed record ShiftSpec(
    [property: Id(0)] ImmutableArray<DayOfWeek> Days,
    [property: Id(1)] TimeSpan Start,
    [property: Id(2)] TimeSpan End,
    [property: Id(3)] ImmutableArray<BreakSpec> Breaks = default)
{
    public TimeSpan Length => End > Start ? End - Start : End + TimeSpan.FromDays(1) - Start;

    public bool WorksOn(DayOfWeek day) => Days.IsDefaultOrEmpty || Days.Contains(day);
}

/// <summary><see cref="Count"/> identical agents. No shifts = on duty around the clock.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.AgentGroupSpec")]
public sealed record AgentGroupSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Tier,
    [property: Id(2)] int Count,
    [property: Id(3)] ImmutableArray<SkillLevel> Skills = default,
    [property: Id(4)] int Capacity = 1,
    [property: Id(5)] ImmutableArray<ShiftSpec> Shifts = default);

/// <summary>The roster: agent groups, and shrinkage (probability an agent misses a shift: absence, training …).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.RosterSpec")]
public sealed record RosterSpec(
    [property: Id(0)] ImmutableArray<AgentGroupSpec> Groups,
    [property: Id(1)] double Shrinkage = 0);

/// <summary>A resolved ticket comes back with <see cref="Probability"/> after <see cref="Delay"/> (minutes).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ReopenSpec")]
public sealed record ReopenSpec(
    [property: Id(0)] double Probability,
    [property: Id(1)] DistributionSpec Delay);

/// <summary>
/// A kind of ticket. <see cref="Handling"/> gives the handling time (minutes) per tier name,
/// "*" for any tier not listed. <see cref="Resolve"/> gives the probability a tier resolves the
/// ticket rather than escalating it (default 1; the last tier always resolves).
/// <see cref="Patience"/> (minutes) is how long the customer waits for a first response before
/// abandoning; null = never abandons.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TicketClassSpec")]
public sealed record TicketClassSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] double Share,
    [property: Id(2)] Priority Priority,
    [property: Id(3)] ImmutableDictionary<string, DistributionSpec> Handling,
    [property: Id(4)] ImmutableArray<string> Skills = default,
    [property: Id(5)] string? EntryTier = null,
    [property: Id(6)] ImmutableDictionary<string, double>? Resolve = null,
    [property: Id(7)] DistributionSpec? Patience = null,
    [property: Id(8)] ReopenSpec? Reopen = null)
{
    public DistributionSpec? HandlingAt(string tier) =>
        Handling.TryGetValue(tier, out var d) ? d : Handling.GetValueOrDefault("*");

    public double ResolveAt(string tier) => Resolve is not null && Resolve.TryGetValue(tier, out var p) ? p : 1.0;
}

/// <summary>The service-level objective reports are drawn against: <see cref="Target"/> of tickets answered within <see cref="Threshold"/>.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ServiceLevelSpec")]
public sealed record ServiceLevelSpec(
    [property: Id(0)] TimeSpan Threshold,
    [property: Id(1)] double Target = 0.8,
    [property: Id(2)] Priority? Priority = null);

/// <summary>
/// Everything a staffing simulation needs: the desk (the same settings a live desk uses), who
/// works when, what arrives when, and how long it takes. Times inside the run are virtual.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.Scenario")]
public sealed record Scenario
{
    [Id(0)] public string Name { get; init; } = "scenario";

    /// <summary>Wall-clock start of the simulated period (its weekday matters for demand and shifts).</summary>
    [Id(1)] public DateTime Start { get; init; } = new(2026, 11, 23);

    [Id(2)] public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Tickets arriving before this are simulated but not counted.</summary>
    [Id(3)] public TimeSpan WarmUp { get; init; }

    [Id(4)] public int Replications { get; init; } = 5;

    [Id(5)] public ulong Seed { get; init; } = 1;

    [Id(6)] public DeskSettings Desk { get; init; } = DeskSettings.Default;

    [Id(7)] public RosterSpec Roster { get; init; } = new([]);

    [Id(8)] public ImmutableArray<TicketClassSpec> TicketClasses { get; init; } = [];

    [Id(9)] public DemandProfile Demand { get; init; } = new();

    [Id(10)] public ServiceLevelSpec ServiceLevel { get; init; } = new(TimeSpan.FromMinutes(20));

    public double HorizonMinutes => Horizon.TotalMinutes;

    public int IntervalMinutes => Demand.IntervalMinutes;

    public int IntervalCount => (int)Math.Ceiling(HorizonMinutes / IntervalMinutes);

    /// <summary>Every problem as "path: value — reason"; empty when the scenario can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Add(string path, object? value, string reason) => errors.Add($"{path}: {SupportQueueException.Format(value)} — {reason}");

        if (string.IsNullOrWhiteSpace(Name))
        {
            Add("$.name", Name, "must not be empty");
        }

        if (Horizon <= TimeSpan.Zero || Horizon > TimeSpan.FromDays(400))
        {
            Add("$.horizon", Horizon, "must be positive and at most 400 days");
        }

        if (WarmUp < TimeSpan.Zero || WarmUp >= Horizon)
        {
            Add("$.warmUp", WarmUp, "must be between zero and the horizon");
        }

        if (Replications is < 1 or > 10_000)
        {
            Add("$.replications", Replications, "must be between 1 and 10000");
        }

        if (Desk is null)
        {
            Add("$.desk", null, "required");
            return errors;
        }

        errors.AddRange(Desk.Validate("$.desk"));
        errors.AddRange((Demand ?? new DemandProfile()).Validate("$.demand").Select(e => e.ToString()));
        if (Demand?.BaseVolume is null)
        {
            Add("$.demand.baseVolume", null, "required: tickets per interval");
        }

        ValidateRoster(Add, errors);
        ValidateClasses(Add, errors);
        if (ServiceLevel is null || ServiceLevel.Threshold <= TimeSpan.Zero)
        {
            Add("$.serviceLevel.threshold", ServiceLevel?.Threshold, "must be positive");
        }
        else if (ServiceLevel.Target is <= 0 or > 1)
        {
            Add("$.serviceLevel.target", ServiceLevel.Target, "must be in (0, 1]");
        }

        return errors;
    }

    /// <summary>Throws <see cref="SupportQueueException"/> (InvalidSettings) listing every problem.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new SupportQueueException(RefusalCode.InvalidSettings, $"Invalid scenario '{Name}':" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }

    private void ValidateRoster(Action<string, object?, string> add, List<string> errors)
    {
        if (Roster is null || Roster.Groups.IsDefaultOrEmpty)
        {
            add("$.roster.groups", "[]", "at least one agent group is needed");
            return;
        }

        if (Roster.Shrinkage is < 0 or >= 1)
        {
            add("$.roster.shrinkage", Roster.Shrinkage, "must be in [0, 1)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < Roster.Groups.Length; g++)
        {
            var group = Roster.Groups[g];
            var p = $"$.roster.groups[{g}]";
            if (string.IsNullOrWhiteSpace(group.Name) || !names.Add(group.Name))
            {
                add($"{p}.name", group.Name, "must be a non-empty, unique name");
            }

            if (Desk.TierIndex(group.Tier) < 0)
            {
                add($"{p}.tier", group.Tier, $"no such tier on the desk ({string.Join(", ", Desk.Tiers.Select(t => t.Name))})");
            }

            if (group.Count is < 0 or > 100_000)
            {
                add($"{p}.count", group.Count, "must be between 0 and 100000");
            }

            if (group.Capacity is < 1 or > 1000)
            {
                add($"{p}.capacity", group.Capacity, "must be between 1 and 1000");
            }

            var skills = group.Skills.IsDefault ? [] : group.Skills;
            for (var s = 0; s < skills.Length; s++)
            {
                if (string.IsNullOrWhiteSpace(skills[s].Skill) || skills[s].Proficiency is < 1 or > 5)
                {
                    add($"{p}.skills[{s}]", $"{skills[s].Skill}:{skills[s].Proficiency}", "needs a skill name and proficiency 1–5");
                }
            }

            var shifts = group.Shifts.IsDefault ? [] : group.Shifts;
            for (var s = 0; s < shifts.Length; s++)
            {
                var shift = shifts[s];
                var sp = $"{p}.shifts[{s}]";
                if (shift.Start < TimeSpan.Zero || shift.Start >= TimeSpan.FromDays(1))
                {
                    add($"{sp}.start", shift.Start, "must be a time of day (00:00 to 23:59)");
                }

                if (shift.End < TimeSpan.Zero || shift.End >= TimeSpan.FromDays(1) || shift.End == shift.Start)
                {
                    add($"{sp}.end", shift.End, "must be a time of day different from the start");
                }

                var breaks = shift.Breaks.IsDefault ? [] : shift.Breaks;
                for (var b = 0; b < breaks.Length; b++)
                {
                    if (breaks[b].After <= TimeSpan.Zero || breaks[b].Duration <= TimeSpan.Zero || breaks[b].After + breaks[b].Duration >= shift.Length)
                    {
                        add($"{sp}.breaks[{b}]", $"after {breaks[b].After:c} for {breaks[b].Duration:c}", "must start and end inside the shift");
                    }
                }
            }
        }
    }

    private void ValidateClasses(Action<string, object?, string> add, List<string> errors)
    {
        if (TicketClasses.IsDefaultOrEmpty)
        {
            add("$.ticketClasses", "[]", "at least one ticket class is needed");
            return;
        }

        var shareSum = 0.0;
        for (var c = 0; c < TicketClasses.Length; c++)
        {
            var tc = TicketClasses[c];
            var p = $"$.ticketClasses[{c}]";
            if (string.IsNullOrWhiteSpace(tc.Name))
            {
                add($"{p}.name", tc.Name, "must not be empty");
            }

            if (!(tc.Share > 0) || double.IsInfinity(tc.Share))
            {
                add($"{p}.share", tc.Share, "must be positive");
            }
            else
            {
                shareSum += tc.Share;
            }

            if (!Enum.IsDefined(tc.Priority))
            {
                add($"{p}.priority", (int)tc.Priority, "must be P1, P2, P3 or P4");
            }

            var entry = 0;
            if (tc.EntryTier is not null)
            {
                entry = Desk.TierIndex(tc.EntryTier);
                if (entry < 0)
                {
                    add($"{p}.entryTier", tc.EntryTier, "no such tier on the desk");
                    entry = 0;
                }
            }

            if (tc.Handling is null)
            {
                add($"{p}.handling", null, "required: handling time per tier");
            }
            else
            {
                foreach (var (tier, dist) in tc.Handling)
                {
                    if (tier != "*" && Desk.TierIndex(tier) < 0)
                    {
                        add($"{p}.handling.{tier}", tier, "no such tier on the desk");
                    }

                    errors.AddRange(dist.Validate($"{p}.handling.{tier}").Select(e => e.ToString()));
                }

                for (var t = entry; t < Desk.TierCount; t++)
                {
                    if (tc.HandlingAt(Desk.Tiers[t].Name) is null)
                    {
                        add($"{p}.handling.{Desk.Tiers[t].Name}", null, "missing: tickets of this class can reach this tier (or give \"*\")");
                    }
                }
            }

            if (tc.Resolve is not null)
            {
                foreach (var (tier, probability) in tc.Resolve)
                {
                    if (Desk.TierIndex(tier) < 0)
                    {
                        add($"{p}.resolve.{tier}", tier, "no such tier on the desk");
                    }

                    if (probability is < 0 or > 1 || double.IsNaN(probability))
                    {
                        add($"{p}.resolve.{tier}", probability, "must be a probability in [0, 1]");
                    }
                }
            }

            if (tc.Patience is not null)
            {
                errors.AddRange(tc.Patience.Validate($"{p}.patience").Select(e => e.ToString()));
            }

            if (tc.Reopen is not null)
            {
                if (tc.Reopen.Probability is < 0 or > 1 || double.IsNaN(tc.Reopen.Probability))
                {
                    add($"{p}.reopen.probability", tc.Reopen.Probability, "must be a probability in [0, 1]");
                }

                if (tc.Reopen.Delay is null)
                {
                    add($"{p}.reopen.delay", null, "required");
                }
                else
                {
                    errors.AddRange(tc.Reopen.Delay.Validate($"{p}.reopen.delay").Select(e => e.ToString()));
                }
            }
        }

        if (shareSum <= 0)
        {
            add("$.ticketClasses", shareSum, "shares must add up to a positive number");
        }
    }
}
