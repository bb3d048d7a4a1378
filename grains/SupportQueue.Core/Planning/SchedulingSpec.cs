using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// Shift scheduling as a scenario declares it (its <c>scheduling</c> section): the shift templates
/// per tier, an optional cap per tier on the people working one day (<see cref="HeadCountCaps"/>),
/// per-tier weights of an agent-interval short when a cap forces soft coverage, the shrinkage to
/// gross the on-duty requirement up by (null: the roster's), and how the requirement search, the
/// roster solver and the verification run. Plain data: the shift solver maps it to its own types.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.SchedulingSpec")]
public sealed record SchedulingSpec
{
    /// <summary>The longest horizon a plan covers: one week, so a weekday names one day of the roster.</summary>
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(7);

    [Id(0)] public ImmutableArray<ShiftTemplateSpec> Templates { get; init; } = [];

    [Id(1)] public ImmutableDictionary<string, int>? HeadCountCaps { get; init; }

    [Id(2)] public ImmutableDictionary<string, double>? ShortfallWeights { get; init; }

    [Id(3)] public double? Shrinkage { get; init; }

    [Id(4)] public PlanSolverSpec Solver { get; init; } = PlanSolverSpec.Default;

    [Id(5)] public RequirementSpec Requirements { get; init; } = RequirementSpec.Default;

    [Id(6)] public VerificationSpec Verification { get; init; } = VerificationSpec.Default;

    /// <summary>The shrinkage the requirement is grossed up by.</summary>
    public double ShrinkageFor(Scenario scenario) => Shrinkage ?? scenario?.Roster?.Shrinkage ?? 0;

    /// <summary>Every problem as "path: value — reason" (paths under <c>$.scheduling</c>); empty when the plan can run.</summary>
    public IReadOnlyList<string> Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new List<string>();
        void Add(string path, object? value, string reason) => errors.Add($"$.scheduling{path}: {SupportQueueException.Format(value)} — {reason}");

        if (scenario.Horizon > MaxHorizon)
        {
            errors.Add($"$.horizon: {SupportQueueException.Format(scenario.Horizon)} — a plan covers at most 7 days (a weekly roster); plan one week at a time");
        }

        if (Shrinkage is { } shrinkage && !(shrinkage >= 0 && shrinkage < 1))
        {
            Add(".shrinkage", shrinkage, "must be in [0, 1)");
        }

        ValidateTemplates(scenario, Add);
        foreach (var (tier, cap) in (HeadCountCaps ?? ImmutableDictionary<string, int>.Empty).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (scenario.Desk.TierIndex(tier) < 0)
            {
                Add($".headCountCaps.{tier}", tier, "no such tier on the desk");
            }

            if (cap is < 0 or > 100_000)
            {
                Add($".headCountCaps.{tier}", cap, "must be between 0 and 100000");
            }
        }

        foreach (var (tier, weight) in (ShortfallWeights ?? ImmutableDictionary<string, double>.Empty).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (scenario.Desk.TierIndex(tier) < 0)
            {
                Add($".shortfallWeights.{tier}", tier, "no such tier on the desk");
            }

            if (!(weight > 0 && weight <= 1e6))
            {
                Add($".shortfallWeights.{tier}", weight, "must be in (0, 1e6]");
            }
        }

        ValidateRuns(Add);
        return errors;
    }

    /// <summary>Throws <see cref="SupportQueueException"/> (InvalidSettings) listing every problem.</summary>
    public void EnsureValid(Scenario scenario)
    {
        var errors = Validate(scenario);
        if (errors.Count > 0)
        {
            throw new SupportQueueException(RefusalCode.InvalidSettings, "Invalid scheduling section:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }

    private void ValidateTemplates(Scenario scenario, Action<string, object?, string> add)
    {
        if (Templates.IsDefaultOrEmpty)
        {
            add(".templates", "[]", "at least one shift template is needed");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var interval = scenario.IntervalMinutes;
        for (var i = 0; i < Templates.Length; i++)
        {
            var template = Templates[i];
            var p = $".templates[{i}]";
            if (template is null)
            {
                add(p, null, "must be a shift template");
                continue;
            }

            if (string.IsNullOrWhiteSpace(template.Name) || !names.Add(template.Name) || template.Name.Length > 32)
            {
                add($"{p}.name", template.Name, "must be a non-empty, unique name of at most 32 characters");
            }

            var tier = scenario.Desk.TierIndex(template.Tier);
            if (tier < 0)
            {
                add($"{p}.tier", template.Tier, $"no such tier on the desk ({string.Join(", ", scenario.Desk.Tiers.Select(t => t.Name))})");
            }
            else if (!scenario.Roster.Groups.Any(g => scenario.Desk.TierIndex(g.Tier) == tier))
            {
                add($"{p}.tier", template.Tier, "the roster has no group of this tier to take skills and capacity from");
            }

            if (template.AgentGroup is { } group
                && !scenario.Roster.Groups.Any(g => g.Name == group && scenario.Desk.TierIndex(g.Tier) == tier))
            {
                add($"{p}.agentGroup", group, $"no roster group of that name in tier '{template.Tier}'");
            }

            if (template.StartTimes.IsDefaultOrEmpty)
            {
                add($"{p}.startTimes", "[]", "at least one start time is needed");
            }
            else
            {
                for (var s = 0; s < template.StartTimes.Length; s++)
                {
                    var start = template.StartTimes[s];
                    if (start < TimeSpan.Zero || start >= TimeSpan.FromDays(1) || start.Ticks % TimeSpan.TicksPerMinute != 0
                        || (long)start.TotalMinutes % interval != 0)
                    {
                        add($"{p}.startTimes[{s}]", start, $"must be a time of day on the {interval}-minute interval grid");
                    }
                }
            }

            if (template.Lengths.IsDefaultOrEmpty)
            {
                add($"{p}.lengths", "[]", "at least one length is needed");
            }
            else
            {
                for (var l = 0; l < template.Lengths.Length; l++)
                {
                    var length = template.Lengths[l];
                    if (length <= TimeSpan.Zero || length >= TimeSpan.FromDays(1) || length.Ticks % TimeSpan.TicksPerMinute != 0)
                    {
                        add($"{p}.lengths[{l}]", length, "must be whole minutes, longer than zero and shorter than a day");
                    }
                }
            }

            if (!(template.CostPerPaidHour >= 0 && template.CostPerPaidHour <= 1e6))
            {
                add($"{p}.costPerPaidHour", template.CostPerPaidHour, "must be in [0, 1e6]");
            }

            if (template.MinPerDay is < 0 or > 100_000)
            {
                add($"{p}.minPerDay", template.MinPerDay, "must be between 0 and 100000");
            }

            if (template.MaxPerDay is { } max && (max < 0 || max < template.MinPerDay))
            {
                add($"{p}.maxPerDay", max, $"must be ≥ 0 and ≥ minPerDay ({template.MinPerDay})");
            }

            ValidateBreaks(template, p, add);
        }
    }

    private static void ValidateBreaks(ShiftTemplateSpec template, string p, Action<string, object?, string> add)
    {
        var breaks = template.Breaks.IsDefault ? [] : template.Breaks;
        for (var b = 0; b < breaks.Length; b++)
        {
            var rule = breaks[b];
            var bp = $"{p}.breaks[{b}]";
            if (rule is null)
            {
                add(bp, null, "must be a break rule");
                continue;
            }

            if (rule.Length <= TimeSpan.Zero || rule.Length >= TimeSpan.FromDays(1) || rule.Length.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                add($"{bp}.length", rule.Length, "must be whole minutes, longer than zero and shorter than a day");
            }

            // The simulator's shifts need a break to start after the shift does.
            if (rule.EarliestStart <= TimeSpan.Zero || rule.EarliestStart >= TimeSpan.FromDays(1) || rule.EarliestStart.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                add($"{bp}.earliestStart", rule.EarliestStart, "must be whole minutes after the shift start, under a day");
            }

            if (rule.LatestStart < rule.EarliestStart || rule.LatestStart >= TimeSpan.FromDays(1))
            {
                add($"{bp}.latestStart", rule.LatestStart, $"must be at or after earliestStart ({SupportQueueException.Format(rule.EarliestStart)}) and under a day");
            }

            if (rule.Step is { } step && (step <= TimeSpan.Zero || step.Ticks % TimeSpan.TicksPerMinute != 0 || step > TimeSpan.FromDays(1)))
            {
                add($"{bp}.step", step, "must be whole minutes, longer than zero");
            }
        }
    }

    private void ValidateRuns(Action<string, object?, string> add)
    {
        if (Solver is null)
        {
            add(".solver", null, "required");
        }
        else
        {
            if (Solver.TimeLimit <= TimeSpan.Zero || Solver.TimeLimit > TimeSpan.FromHours(1))
            {
                add(".solver.timeLimit", Solver.TimeLimit, "must be positive and at most an hour");
            }

            if (Solver.Workers is < 1 or > 64)
            {
                add(".solver.workers", Solver.Workers, "must be between 1 and 64");
            }

            if (!(Solver.RelativeGapLimit >= 0 && Solver.RelativeGapLimit < 1))
            {
                add(".solver.relativeGapLimit", Solver.RelativeGapLimit, "must be in [0, 1)");
            }

            if (!Enum.IsDefined(Solver.Coverage))
            {
                add(".solver.coverage", (int)Solver.Coverage, "must be Auto, Hard or Soft");
            }
        }

        if (Requirements is null)
        {
            add(".requirements", null, "required");
        }
        else
        {
            if (Requirements.MaxRounds is < 1 or > 50)
            {
                add(".requirements.maxRounds", Requirements.MaxRounds, "must be between 1 and 50");
            }

            if (Requirements.Replications is < 2 or > 10_000)
            {
                add(".requirements.replications", Requirements.Replications, "must be between 2 and 10000 (a confidence interval needs two)");
            }

            if (!(Requirements.PoolBelowTickets >= 0 && Requirements.PoolBelowTickets <= 1e6))
            {
                add(".requirements.poolBelowTickets", Requirements.PoolBelowTickets, "must be in [0, 1e6]");
            }

            if (Requirements.MaxPool is < 1 or > 48)
            {
                add(".requirements.maxPool", Requirements.MaxPool, "must be between 1 and 48 intervals");
            }
        }

        if (Verification is null)
        {
            add(".verification", null, "required");
        }
        else
        {
            if (Verification.Rounds is < 0 or > 20)
            {
                add(".verification.rounds", Verification.Rounds, "must be between 0 and 20");
            }

            if (Verification.Replications is < 2 or > 10_000)
            {
                add(".verification.replications", Verification.Replications, "must be between 2 and 10000 (a confidence interval needs two)");
            }
        }
    }
}
