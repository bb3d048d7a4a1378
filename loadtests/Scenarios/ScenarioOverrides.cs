using System.Collections.Immutable;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Scenarios;

/// <summary>The command-line changes to a scenario: its seed, demand, head counts, capacity and patience.</summary>
public static class ScenarioOverrides
{
    /// <summary>Agents per tier: the groups of a tier share <paramref name="counts"/>[tier] in proportion to their rostered counts.</summary>
    public static Scenario WithAgents(Scenario scenario, ImmutableArray<int> counts)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var tiers = scenario.Desk.Tiers;
        if (counts.Length == 1)
        {
            counts = [.. Enumerable.Repeat(counts[0], tiers.Length)];
        }

        if (counts.Length != tiers.Length)
        {
            throw OptionValues.Bad("--agents", string.Join(",", counts), $"expected auto, N, or one count per tier ({string.Join(",", tiers.Select(t => t.Name))})");
        }

        var groups = scenario.Roster.Groups.ToList();
        for (var t = 0; t < tiers.Length; t++)
        {
            var ofTier = Enumerable.Range(0, groups.Count).Where(i => groups[i].Tier == tiers[t].Name).ToList();
            var rostered = Math.Max(1, ofTier.Sum(i => groups[i].Count));
            foreach (var i in ofTier)
            {
                groups[i] = groups[i] with { Count = Math.Max(1, (int)Math.Round(counts[t] * (double)groups[i].Count / rostered)) };
            }
        }

        return scenario with { Roster = scenario.Roster with { Groups = [.. groups] } };
    }

    public static Scenario WithCapacity(Scenario scenario, int capacity)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with { Roster = scenario.Roster with { Groups = [.. scenario.Roster.Groups.Select(g => g with { Capacity = capacity })] } };
    }

    /// <summary>Every class's patience exponential with this mean (minutes); 0: nobody abandons.</summary>
    public static Scenario WithPatience(Scenario scenario, double meanMinutes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var patience = meanMinutes > 0 ? DistributionSpec.Exponential(meanMinutes) : null;
        return scenario with { TicketClasses = [.. scenario.TicketClasses.Select(c => c with { Patience = patience })] };
    }
}
