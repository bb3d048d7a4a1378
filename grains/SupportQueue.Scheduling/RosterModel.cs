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

    public static RosterModel Build(ShiftProblem problem, IReadOnlyList<ShiftVariant> variants, bool soft)
    {
        var grid = problem.Grid;
        var size = grid.IntervalMinutes;
        var model = new CpModel();
        var groupOf = problem.Requirements.Select((r, i) => (r.Group, i)).ToDictionary(p => p.Group, p => p.i, StringComparer.Ordinal);
        var requirementOfVariant = variants.Select(v => problem.Requirements[groupOf[problem.Templates[v.Template].Group]]).ToArray();

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

            variables.Add(model.NewIntVar(0, upper, $"x{v}"));
        }

        AddPerDayLimits(problem, variants, variables, requirementOfVariant, model);

        var shortfallTerms = new List<LinearExpr>();
        var shortfallWeights = new List<long>();
        var byInterval = new List<(IntVar Variable, long Minutes)>[problem.Requirements.Count, grid.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            var group = groupOf[problem.Templates[variants[v].Template].Group];
            foreach (var (interval, minutes) in variants[v].Presence)
            {
                (byInterval[group, interval] ??= []).Add((variables[v], minutes));
            }
        }

        var headCounts = variables.Count;
        for (var g = 0; g < problem.Requirements.Count; g++)
        {
            var requirement = problem.Requirements[g];
            var weight = (long)Math.Round(requirement.ShortfallWeight * WeightScale);
            for (var t = 0; t < grid.Count; t++)
            {
                long needed = (long)requirement.Required[t] * size;
                if (needed == 0)
                {
                    continue;
                }

                var terms = byInterval[g, t] ?? [];
                var coverage = LinearExpr.WeightedSum(terms.Select(p => (LinearExpr)p.Variable), terms.Select(p => p.Minutes));
                if (soft)
                {
                    var shortfall = model.NewIntVar(0, needed, $"u{g}_{t}");
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
