using System.Collections.Immutable;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;
using SupportQueue.Json;
using Xunit.Abstractions;

namespace SupportQueue.Scheduling.Tests.Planning;

/// <summary>
/// Measurements, not tests (PLAN_MEASURE=1): the iterative staffing loop alone on the shipped
/// samples, one line per round with each tier's moves (ISA_MAX sets the round cap), and the whole
/// plan with the samples' own scheduling sections, replications in process two at a time.
/// </summary>
public class IsaSampleMeasurements(ITestOutputHelper output)
{
    [MeasureFact]
    public void Requirement_retail() => Run("retail-holiday-peak.json");

    [MeasureFact]
    public void Requirement_b2b() => Run("b2b-saas-weekday.json");

    [MeasureFact]
    public void Plan_retail() => Plan("retail-holiday-peak.json");

    [MeasureFact]
    public void Plan_b2b() => Plan("b2b-saas-weekday.json");

    private void Plan(string file)
    {
        var dir = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(dir, "client", "scenarios")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        var request = ScenarioPlanJson.LoadFile(Path.Combine(dir, "client", "scenarios", file)).Value!;
        SupportQueue.Core.Planning.ReplicationRunner runner = (s, staffing) =>
        {
            var results = new ReplicationResult[s.Replications];
            Parallel.For(0, s.Replications, new ParallelOptions { MaxDegreeOfParallelism = 2 }, r =>
                results[r] = new SimulationRun(s, r, new SimulationOptions { StaffingOverride = staffing }).RunFast());
            return results;
        };
        var result = SupportQueue.Scheduling.Planning.RosterPlanner.Plan(request, runner);
        output.WriteLine($"wall {result.WallTime.TotalSeconds:0.0}; ISA {result.Requirement.Rounds} {result.Requirement.Converged} {result.Requirement.StopReason}");
        foreach (var v in result.Verification)
        {
            output.WriteLine($"verify {v.Round}: {v.MetByMean}/{v.LoadedIntervals} ({(double)v.MetByMean / v.LoadedIntervals:P1}) missed {v.Missed} outside {v.OutsideTemplateHours} raised {v.Raised} paid {v.PaidHours:0} gap {v.Gap:P2}");
        }

        output.WriteLine($"paid {result.Totals.PaidHours:0} erlang {result.ErlangRoster.PaidHours:0}; outside {result.OutsideTemplateHours}; met share {result.MetByMeanShare:P1}");
    }

    private void Run(string file)
    {
        var dir = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(dir, "client", "scenarios")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        var scenario = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(dir, "client", "scenarios", file)), file);
        Func<ImmutableDictionary<string, ImmutableArray<int>>?, IReadOnlyList<ReplicationResult>> sim = staffing =>
        {
            var results = new ReplicationResult[scenario.Replications];
            Parallel.For(0, scenario.Replications, new ParallelOptions { MaxDegreeOfParallelism = 2 }, r =>
                results[r] = new SimulationRun(scenario, r, new SimulationOptions { StaffingOverride = staffing }).RunFast());
            return results;
        };
        var res = IterativeStaffing.Run(scenario, sim, new IterativeStaffingOptions(MaxIterations: int.Parse(Environment.GetEnvironmentVariable("ISA_MAX") ?? "10")), new P(output));
        output.WriteLine(res.StopReason);
        for (var k = 0; k < res.Tiers.Length; k++)
        {
            var loaded = Enumerable.Range(res.FirstCountedInterval, scenario.IntervalCount - res.FirstCountedInterval).Where(t => res.ServiceLevel[k][t].Loaded).ToArray();
            output.WriteLine($"{res.Tiers[k]}: loaded {loaded.Length}, met {loaded.Count(t => res.ServiceLevel[k][t].Mean >= res.Targets[k].Target)}, agent-int {res.Required[k].Sum()} erlang {res.Erlang[k].Sum()}");
        }
    }

    private sealed class P(ITestOutputHelper o) : IProgress<string>
    {
        public void Report(string value) => o.WriteLine(value);
    }
}
