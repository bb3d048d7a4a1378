using System.Runtime.CompilerServices;
using SupportQueue.Core.History;
using SupportQueue.Core.Planning;
using SupportQueue.Json;
using SupportQueue.Scheduling.Planning;

namespace SupportQueue.Scheduling.Tests.Planning;

/// <summary>
/// Issue 13's "a planner runs plan on a fitted history": the shipped ticket history, fitted, with
/// the scheduling section scenario fit drafts, written and read back, planned end to end.
/// </summary>
public class FittedHistoryPlanTests
{
    [Fact]
    public void A_fitted_history_with_the_drafted_scheduling_section_is_planned_and_verified()
    {
        var trace = TicketHistoryCsv.Parse(File.ReadAllText(Sample()), ["L1", "L2"]);
        var draft = HistoryFit.Fit(trace).Draft;

        // Two days keep the test short; the command plans the whole week the same way.
        var scenario = draft with { Horizon = TimeSpan.FromDays(2) };
        var read = ScenarioPlanJson.Read(ScenarioPlanJson.Write(scenario, SchedulingDraft.For(scenario)));
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Errors));
        var request = read.Value!;
        request = request with { Scheduling = request.Scheduling with { Verification = request.Scheduling.Verification with { Rounds = 1 } } };

        var result = RosterPlanner.Plan(request, PlanScenarios.InProcess);

        Assert.Equal(["L1-shift", "L2-shift"], result.Roster.Select(l => l.Template).Distinct().Order().ToArray());
        Assert.True(result.Requirement.Converged, result.Requirement.StopReason);
        Assert.Equal(0, result.OutsideTemplateHours);
        Assert.True(result.LoadedIntervals > 100);
        Assert.True(result.MetByMeanShare >= 0.9, $"met by mean {result.MetByMeanShare:P1}");
        Assert.All(result.Roster, l => Assert.Equal(l.PaidHours, l.Cost, 9));
    }

    private static string Sample([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "client", "scenarios", "samples", "history-week.csv");
}
