using Google.OrTools.Sat;

namespace SupportQueue.Scheduling;

/// <summary>
/// The CP-SAT model: one integer head count per shift variant; per template and day its
/// min/max; per group and day its cap; per group and interval, agent-minutes on duty ≥ required
/// head count × interval minutes (plus, in soft mode, a shortfall variable in agent-minutes).
/// Working in minutes keeps breaks that cover part of an interval exact and all coefficients integer.
/// </summary>
internal sealed class RosterModel
{
    /// <summary>Shortfall weights are scaled to integers with this factor (two decimals kept).</summary>
    public const int WeightScale = 100;

    private RosterModel(CpModel model, List<IntVar> variables, LinearExpr cost, LinearExpr? shortfall, int headCounts)
    {
        Model = model;
        Variables = variables;
        Cost = cost;
        Shortfall = shortfall;
        HeadCountVariables = headCounts;
    }

    public CpModel Model { get; }

    /// <summary>Head count per variant first (<see cref="HeadCountVariables"/> of them), then shortfall variables.</summary>
    public List<IntVar> Variables { get; }

    public int HeadCountVariables { get; }

    /// <summary>Paid cost in cents.</summary>
    public LinearExpr Cost { get; }

    /// <summary>Weighted shortfall (agent-minutes × <see cref="WeightScale"/> × weight); null in hard mode.</summary>
    public LinearExpr? Shortfall { get; }


    /// <summary>
    /// The model of one group (groups share nothing, so each is solved on its own). <paramref name="hint"/>:
    /// head count per variant to start from (null: none; soft models then start from nobody).
    /// </summary>
    public static RosterModel Build(ShiftProblem problem, IReadOnlyList<ShiftVariant> variants, bool soft, int group, long[]? hint = null)
    {
        var grid = problem.Grid;
        var size = grid.IntervalMinutes;
        var model = new CpModel();
        var requirementOfVariant = variants.Select(_ => problem.Requirements[group]).ToArray();

        var variables = new List<IntVar>(variants.Count);
        for (var v = 0; v < variants.Count; v++)
        {
            var variant = variants[v];
            var template = problem.Templates[variant.Template];
            var requirement = requirementOfVariant[v];

            // No roster needs more of one variant than it takes to cover, alone, its most
            // demanding interval; more could be removed without losing coverage or adding cost.
            long upper = variant.Presence.Max(p => CeilDiv((long)requirement.Required[p.Interval] * size, p.Minutes));
            upper = Math.Max(upper, template.MinPerDay);
            if (template.MaxPerDay is { } max)
            {
                upper = Math.Min(upper, max);
            }

            if (requirement.HeadCountCap is { } cap)
            {
                upper = Math.Min(upper, cap);
            }

            var headCount = model.NewIntVar(0, upper, $"x{v}");
            variables.Add(headCount);
            if (hint is not null)
            {
                model.AddHint(headCount, Math.Min(hint[v], upper));
            }
            else if (soft)
            {
                model.AddHint(headCount, 0);
            }
        }

        AddPerDayLimits(problem, variants, variables, requirementOfVariant, model);

        var shortfallTerms = new List<LinearExpr>();
        var shortfallWeights = new List<long>();
        var byInterval = new List<(IntVar Variable, long Minutes, int Index)>[grid.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            foreach (var (interval, minutes) in variants[v].Presence)
            {
                (byInterval[interval] ??= []).Add((variables[v], minutes, v));
            }
        }

        var headCounts = variables.Count;
        var own = problem.Requirements[group];
        var weight = (long)Math.Round(own.ShortfallWeight * WeightScale);
        for (var t = 0; t < grid.Count; t++)
        {
            long needed = (long)own.Required[t] * size;
            if (needed == 0)
            {
                continue;
            }

            var terms = byInterval[t] ?? [];
            var coverage = LinearExpr.WeightedSum(terms.Select(p => (LinearExpr)p.Variable), terms.Select(p => p.Minutes));
            if (soft)
            {
                var shortfall = model.NewIntVar(0, needed, $"u{t}");

                // Nobody on duty and everything short is a roster (unless minPerDay forbids it):
                // hinting it gives the search a first solution at once on a large model. With a
                // roster hinted, the shortfall that roster leaves.
                var covered = hint is null ? 0 : terms.Sum(p => Math.Min(hint[p.Index], (long)int.MaxValue) * p.Minutes);
                model.AddHint(shortfall, Math.Max(0, needed - covered));
                variables.Add(shortfall);
                shortfallTerms.Add(shortfall);
                shortfallWeights.Add(weight);
                model.Add(coverage + shortfall >= needed);
            }
            else
            {
                model.Add(coverage >= needed);
            }
        }

        var cost = LinearExpr.WeightedSum(variables.Take(headCounts).Select(x => (LinearExpr)x), variants.Select(v => v.CostCents));
        var weighted = soft ? LinearExpr.WeightedSum(shortfallTerms, shortfallWeights) : null;
        return new RosterModel(model, variables, cost, weighted, headCounts);
    }

    private static void AddPerDayLimits(
        ShiftProblem problem, IReadOnlyList<ShiftVariant> variants, List<IntVar> variables, GroupRequirement[] requirementOfVariant, CpModel model)
    {
        foreach (var perTemplateDay in Enumerable.Range(0, variants.Count).GroupBy(v => (variants[v].Template, variants[v].Day)))
        {
            var template = problem.Templates[perTemplateDay.Key.Template];
            var sum = LinearExpr.Sum(perTemplateDay.Select(v => (LinearExpr)variables[v]));
            if (template.MinPerDay > 0)
            {
                model.Add(sum >= template.MinPerDay);
            }

            if (template.MaxPerDay is { } max)
            {
                model.Add(sum <= max);
            }
        }

        foreach (var perGroupDay in Enumerable.Range(0, variants.Count).GroupBy(v => (requirementOfVariant[v].Group, variants[v].Day)))
        {
            if (requirementOfVariant[perGroupDay.First()].HeadCountCap is { } cap)
            {
                model.Add(LinearExpr.Sum(perGroupDay.Select(v => (LinearExpr)variables[v])) <= cap);
            }
        }
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
