using SupportQueue.Core.Planning;

namespace SupportQueue.Client.Planning;

/// <summary>
/// Consecutive intervals of one tier that still miss for the same reason, read as one stretch
/// ("L2, Fri 07:30–17:30, 41 intervals, head-count cap") rather than as 41 rows.
/// </summary>
public sealed record PlanMissRun(string Tier, MissReason Reason, DateTime From, DateTime To, int Intervals, double LowestServiceLevel, double MostShort, string Detail)
{
    /// <summary>Groups <paramref name="misses"/> into stretches; <paramref name="intervalMinutes"/> sets where one ends.</summary>
    public static IReadOnlyList<PlanMissRun> Of(IEnumerable<PlanMiss> misses, int intervalMinutes)
    {
        ArgumentNullException.ThrowIfNull(misses);
        var runs = new List<PlanMissRun>();
        foreach (var group in misses.GroupBy(m => (m.Tier, m.Reason)))
        {
            List<PlanMiss> current = [];
            foreach (var miss in group.OrderBy(m => m.Interval))
            {
                if (current.Count > 0 && miss.Interval != current[^1].Interval + 1)
                {
                    runs.Add(Close(current, intervalMinutes));
                    current = [];
                }

                current.Add(miss);
            }

            if (current.Count > 0)
            {
                runs.Add(Close(current, intervalMinutes));
            }
        }

        return runs;
    }

    private static PlanMissRun Close(List<PlanMiss> run, int intervalMinutes)
    {
        var worst = run.MaxBy(m => m.Shortfall)!;
        return new PlanMissRun(
            run[0].Tier, run[0].Reason, run[0].Start, run[^1].Start.AddMinutes(intervalMinutes), run.Count,
            run.Min(m => double.IsFinite(m.ServiceLevel) ? m.ServiceLevel : 0), worst.Shortfall, worst.Detail);
    }
}
