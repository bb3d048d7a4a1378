using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// Turns head counts per tier and interval into the simulator's per-group staffing override. A tier
/// with several roster groups keeps the scenario's group mix (shares by the groups' counts, largest
/// remainder), since skills make a per-group requirement ill-defined; a tier with one group gets it
/// all.
/// </summary>
public static class TierStaffingOverride
{
    /// <param name="scenario">Its roster names the groups of each tier.</param>
    /// <param name="staffing">[tier][interval] agents on duty, tiers in desk order.</param>
    public static ImmutableDictionary<string, ImmutableArray<int>> Build(Scenario scenario, int[][] staffing)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(staffing);
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<int>>(StringComparer.Ordinal);
        for (var k = 0; k < staffing.Length; k++)
        {
            var groups = scenario.Roster.Groups.Where(g => scenario.Desk.TierIndex(g.Tier) == k).ToArray();
            if (groups.Length == 0)
            {
                continue;
            }

            var total = groups.Sum(g => (double)g.Count);
            var shares = groups.Select(g => total > 0 ? g.Count / total : 1.0 / groups.Length).ToArray();
            var perGroup = groups.Select(_ => new int[staffing[k].Length]).ToArray();
            for (var t = 0; t < staffing[k].Length; t++)
            {
                var heads = staffing[k][t];
                var exact = shares.Select(s => s * heads).ToArray();
                var floor = exact.Select(x => (int)Math.Floor(x + 1e-9)).ToArray();
                var left = heads - floor.Sum();
                foreach (var g in Enumerable.Range(0, groups.Length).OrderByDescending(g => exact[g] - floor[g]).ThenBy(g => g).Take(left))
                {
                    floor[g]++;
                }

                for (var g = 0; g < groups.Length; g++)
                {
                    perGroup[g][t] = floor[g];
                }
            }

            for (var g = 0; g < groups.Length; g++)
            {
                builder[groups[g].Name] = [.. perGroup[g]];
            }
        }

        return builder.ToImmutable();
    }
}
