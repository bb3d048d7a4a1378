extern alias LoadTests;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SupportQueue.Core.Simulation;
using LoadTests::SupportQueue.LoadTests.Benchmarks;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>
/// Fast mode's results for the shipped samples and the benchmark queue, pinned. Same seed, same
/// result is the engine's promise, and performance work must not change what a planner gets. A
/// fingerprint changes only when the event logic, the random streams or the metrics change on
/// purpose; the commit that updates one says why. The pins are for x64 Linux, where CI runs: ticket
/// times are hashed exactly, and another platform's Math.Log or Math.Exp may differ in the last bit.
/// </summary>
[Trait("Category", "Pinned")]
public sealed class SimulationFingerprintTests
{
    public static TheoryData<string, int, string> Pinned() => new()
    {
        { "retail-holiday-peak.json", 0, "B02DB1A341FFC62A" },
        { "retail-holiday-peak.json", 1, "5815904AD1E93739" },
        { "b2b-saas-weekday.json", 0, "9BA81D3472E0C300" },
        { "mmc-sanity.json", 0, "DE16C893AEFACEA6" },
        { "bench-mm50", 0, "948B67C879C49F12" },
    };

    [Theory]
    [MemberData(nameof(Pinned))]
    public void Fast_mode_gives_the_pinned_result(string scenario, int replication, string expected)
    {
        var run = new SimulationRun(Load(scenario), replication, new SimulationOptions { RecordOutcomes = true }).RunFast();

        // The run covered real ground, or the fingerprint would pin little.
        Assert.True(run.Outcomes.Length > 250, $"{run.Outcomes.Length} tickets");
        Assert.Equal(expected, Fingerprint(run));
    }

    [Fact]
    public void The_fingerprint_sees_one_ticket_change()
    {
        var run = new SimulationRun(Load("mmc-sanity.json"), 0, new SimulationOptions { RecordOutcomes = true }).RunFast();
        var changed = run with { Outcomes = run.Outcomes.SetItem(500, run.Outcomes[500] with { EndMinutes = run.Outcomes[500].EndMinutes + 1e-9 }) };

        Assert.NotEqual(Fingerprint(run), Fingerprint(changed));
    }

    private static Core.Simulation.Scenario Load(string name)
    {
        if (name == "bench-mm50")
        {
            return SimulationBenchmark.Scenario(20_000);
        }

        var scenario = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(TestScenarios.ScenariosDirectory, name)), name);

        // A day (the first, warm-up included) keeps the suite fast and still runs every path.
        return scenario with { Horizon = TimeSpan.FromDays(1), WarmUp = TimeSpan.FromHours(2) };
    }

    /// <summary>
    /// Every ticket's outcome and every count exactly; sums of minutes to nine significant digits, so
    /// adding the same numbers in another order (the last bits) is not a change of result.
    /// </summary>
    private static string Fingerprint(ReplicationResult run)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"events {run.Events}\n");
        foreach (var o in run.Outcomes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{o.TicketId}|{o.Class}|{o.Priority}|{o.CreatedMinutes:R}|{o.Path}|{o.Ending}|{o.EndMinutes:R}\n");
        }

        foreach (var t in run.Tiers)
        {
            text.Append(t.Tier).Append('\n');
            foreach (var series in new[] { t.Offered, t.Answered, t.AnsweredWithin, t.Abandoned, t.EscalatedOut, t.Backlog, t.Handled })
            {
                text.AppendJoin(',', series).Append('\n');
            }

            foreach (var series in new[] { t.WaitMinutes, t.StaffedMinutes, t.BusyMinutes, t.HandleMinutes })
            {
                text.AppendJoin(',', series.Select(Sum)).Append('\n');
            }
        }

        foreach (var p in run.Priorities)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Priority}\n");
            foreach (var series in new[] { p.Arrivals, p.FirstResponseMet, p.FirstResponseMissed, p.ResolutionMet, p.ResolutionMissed, p.Abandoned })
            {
                text.AppendJoin(',', series).Append('\n');
            }
        }

        foreach (var (key, value) in run.Totals.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{key}={Sum(value)}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string Sum(double value) => value.ToString("G9", CultureInfo.InvariantCulture);
}
