using SupportQueue.Core.Model;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Scheduling.Planning;

/// <summary>
/// Maps a scenario's scheduling section onto the shift solver: the grid is the scenario's intervals
/// (cyclic for a whole week from midnight, as the simulator's day-before start makes a Sunday night
/// shift cover Monday morning), one solver group per tier with templates, and the solver options.
/// </summary>
internal sealed class PlanProblem
{
    public PlanProblem(Scenario scenario, SchedulingSpec spec)
    {
        Scenario = scenario;
        Spec = spec;
        var cyclic = scenario.Horizon == SchedulingSpec.MaxHorizon && scenario.Start.TimeOfDay == TimeSpan.Zero;
        Grid = new IntervalGrid(scenario.Start, scenario.IntervalMinutes, scenario.IntervalCount, cyclic);
        PlannedTiers = [.. Enumerable.Range(0, scenario.Desk.TierCount).Where(k => spec.Templates.Any(t => t.Tier == scenario.Desk.Tiers[k].Name))];
        Templates = [.. spec.Templates.Select(Map)];
        Options = new SolverOptions
        {
            Mode = spec.Solver.Coverage switch
            {
                PlanCoverage.Hard => CoverageMode.Hard,
                PlanCoverage.Soft => CoverageMode.Soft,
                _ => CoverageMode.Auto,
            },
            TimeLimit = spec.Solver.TimeLimit,
            Workers = spec.Solver.Workers,
            Seed = spec.Solver.Seed,
            RelativeGapLimit = spec.Solver.RelativeGapLimit,
            Deterministic = true,
        };
    }

    public Scenario Scenario { get; }

    public SchedulingSpec Spec { get; }

    public IntervalGrid Grid { get; }

    /// <summary>Desk indices of the tiers that have templates (the others keep the scenario's roster).</summary>
    public IReadOnlyList<int> PlannedTiers { get; }

    public IReadOnlyList<ShiftTemplate> Templates { get; }

    public SolverOptions Options { get; }

    /// <summary>The solver problem for head counts to schedule, [tier][interval] in desk tier order.</summary>
    public ShiftProblem For(int[][] scheduled) =>
        new(Grid, [.. PlannedTiers.Select(k => Requirement(k, scheduled[k]))], Templates);

    /// <summary>
    /// Every mistake the solver would find in the templates (breaks that never fit, a template that
    /// covers no interval, a cap below the templates' minimum), found before any simulation.
    /// </summary>
    public void EnsureSolvable()
    {
        var zero = Enumerable.Range(0, Scenario.Desk.TierCount).Select(_ => new int[Grid.Count]).ToArray();
        var errors = ShiftSolver.Check(For(zero), Options);
        if (errors.Count > 0)
        {
            throw new SupportQueueException(
                RefusalCode.InvalidSettings,
                "Invalid scheduling section:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"$.scheduling.{e}")));
        }
    }

    /// <summary>The roster group whose skills and capacity a template's agents take.</summary>
    public AgentGroupSpec AgentGroupOf(string template)
    {
        var spec = Spec.Templates.First(t => t.Name == template);
        var tier = Scenario.Desk.TierIndex(spec.Tier);
        return Scenario.Roster.Groups.First(g => spec.AgentGroup is null ? Scenario.Desk.TierIndex(g.Tier) == tier : g.Name == spec.AgentGroup);
    }

    private GroupRequirement Requirement(int tier, int[] scheduled)
    {
        var name = Scenario.Desk.Tiers[tier].Name;
        int? cap = Spec.HeadCountCaps is { } caps && caps.TryGetValue(name, out var c) ? c : null;
        var weight = Spec.ShortfallWeights is { } weights && weights.TryGetValue(name, out var w) ? w : 1.0;
        return new GroupRequirement(name, scheduled, cap, weight);
    }

    private static ShiftTemplate Map(ShiftTemplateSpec t) => new(
        t.Name,
        t.Tier,
        t.StartTimes,
        t.Lengths,
        t.CostPerPaidHour,
        t.Days.IsDefaultOrEmpty ? null : t.Days,
        t.Breaks.IsDefaultOrEmpty ? null : [.. t.Breaks.Select(b => new BreakRule(b.Length, b.EarliestStart, b.LatestStart, b.Paid, b.Step))],
        t.MinPerDay,
        t.MaxPerDay);
}
