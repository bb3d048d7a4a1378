using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;
using SupportQueue.Grains.Simulation;
using SupportQueue.Grains.Tests.Simulation;
using Xunit.Abstractions;

namespace SupportQueue.Grains.Tests.History;

/// <summary>
/// Record and replay, end to end: a day of a three-tier desk runs through the live grains (grain
/// mode: real Ticket, Agent and DeskScheduler grains on an in-process silo, virtual time), the desk's
/// recorder is exported as CSV exactly as <c>desk export</c> writes it, read back, and replayed in the
/// simulator (<c>simulate --arrivals</c>'s entry point). Under the same policy the replay's outcomes
/// agree with the live run's; under a policy with a much shorter L1 wait timeout they move the way
/// that policy must move them.
/// </summary>
public sealed class RecordReplayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_recorded_live_run_replayed_in_the_simulator_agrees_and_another_policy_moves_it_as_expected()
    {
        var scenario = SimulationScenarios.Desk();
        var epoch = GrainSimulation.Epoch(scenario);
        var window = new ExportRange(epoch.UtcDateTime, epoch.UtcDateTime.AddDays(2));

        ReplicationResult live;
        string csv;
        var run = new SimulationRun(scenario, 0, new SimulationOptions { IdPrefix = "rec-" });
        await using (var silo = await SimulationSilo.StartAsync(epoch))
        {
            live = await run.RunAsync(new GrainDeskDriver(silo.Grains, silo.Clock));
            using var text = new StringWriter();
            await TicketHistoryExportWriter.WriteAsync(DeskHistoryExport.ReadAsync(silo.Grains, "rec-desk", window), text, TicketHistoryFormat.Csv);
            csv = text.ToString();
        }

        var trace = TicketHistoryCsv.Parse(csv, [.. scenario.Desk.Tiers.Select(t => t.Name)]);
        var replay = new SimulationRun(ArrivalReplay.Prepare(scenario, trace), 0).RunFast();
        var tighter = scenario with
        {
            Desk = scenario.Desk with
            {
                Escalation =
                [
                    new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(2)),
                    new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L2", After: TimeSpan.FromMinutes(45)),
                ],
            },
        };
        var other = new SimulationRun(ArrivalReplay.Prepare(tighter, trace), 0).RunFast();

        string[] keys = ["arrivals", "resolved", "abandoned", "escalations", "serviceLevel", "abandonRate", "L1.serviceLevel", "L1.asaMinutes", "L2.offered"];
        foreach (var key in keys)
        {
            output.WriteLine($"{key,-16} live {V(live, key),9:0.###}  replay {V(replay, key),9:0.###}  L1 timeout 2 min {V(other, key),9:0.###}");
        }

        // Every recorded ticket is replayed, once.
        Assert.Equal(V(live, "arrivals"), trace.Count);
        Assert.Equal(trace.Count, V(replay, "arrivals"));

        // Same policy. The replay has the recorded arrivals, attributes, handling and tiers, so it
        // differs from the live run only where the trace does not pin the outcome: patience and
        // handling the record lacks (abandoned tickets, unfinished stays) are the scenario's draws, and
        // reopens are not replayed. Measured on this day (352 tickets): service level 0.674 live vs
        // 0.670 replayed, L1 0.844 vs 0.827, abandonment 0.250 vs 0.264, escalations 234 vs 206 (the
        // second rounds of reopened tickets, and their escalations, are missing). The tolerances are
        // roughly twice those gaps, and well inside what the other policy below moves: ±0.05 on service
        // levels, ±0.03 on the abandonment rate, escalations −20 % … +10 %.
        Assert.InRange(V(replay, "serviceLevel") - V(live, "serviceLevel"), -0.05, 0.05);
        Assert.InRange(V(replay, "L1.serviceLevel") - V(live, "L1.serviceLevel"), -0.05, 0.05);
        Assert.InRange(V(replay, "abandonRate") - V(live, "abandonRate"), -0.03, 0.03);
        Assert.InRange(V(replay, "escalations"), 0.8 * V(live, "escalations"), 1.1 * V(live, "escalations"));

        // Escalating after 2 minutes' wait at L1 instead of 20 sends more tickets to L2 (measured: 286
        // escalations vs 206, L2 offered 204 vs 142) and shortens L1 waits.
        Assert.True(V(other, "escalations") > V(replay, "escalations") * 1.2, $"escalations {V(other, "escalations")} vs {V(replay, "escalations")}");
        Assert.True(V(other, "L2.offered") > V(replay, "L2.offered"), $"L2 offered {V(other, "L2.offered")} vs {V(replay, "L2.offered")}");
        Assert.True(V(other, "L1.asaMinutes") < V(replay, "L1.asaMinutes"), $"L1 ASA {V(other, "L1.asaMinutes")} vs {V(replay, "L1.asaMinutes")}");
    }

    private static double V(ReplicationResult result, string key) => result.Totals.Values.TryGetValue(key, out var v) ? v : double.NaN;
}
