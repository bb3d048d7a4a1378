using System.Runtime.CompilerServices;
using SupportQueue.Core.History;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Json.Tests;

/// <summary>
/// <c>scenario fit</c>: the shipped sample history is what the project's simulator makes from known
/// parameters (client/scenarios/samples/history-week.scenario.json), and the fit recovers them.
/// </summary>
public class HistoryFitTests
{
    private static string Samples => Path.Combine(AppContext.BaseDirectory, "scenarios", "samples");

    private static Scenario Known => ScenarioJson.LoadFile(Path.Combine(Samples, "history-week.scenario.json")).Value!;

    private static string Generate(Scenario scenario) =>
        TicketHistoryCsv.Write(SimulatedHistory.FromOutcomes(scenario, new SimulationRun(scenario, 0, new SimulationOptions { RecordOutcomes = true }).RunFast().Outcomes));

    [Fact]
    public void The_shipped_sample_is_what_the_simulator_makes_from_the_known_parameters()
    {
        var generated = Generate(Known);
        if (Environment.GetEnvironmentVariable("SUPPORTQUEUE_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllText(SourceSample(), generated);
        }

        Assert.Equal(generated, File.ReadAllText(Path.Combine(Samples, "history-week.csv")));
    }

    [Fact]
    public void The_fit_recovers_the_known_parameters_within_stated_tolerances()
    {
        var known = Known;
        var trace = TicketHistoryCsv.Parse(File.ReadAllText(Path.Combine(Samples, "history-week.csv")), ["L1", "L2"]);

        var fit = HistoryFit.Fit(trace);
        var draft = fit.Draft;

        // The draft loads and runs like any scenario.
        Assert.Empty(draft.Validate());
        Assert.True(ScenarioJson.Read(ScenarioJson.Write(draft)).IsValid);
        Assert.Equal(7, fit.Days);

        // Class mix within 3 points; priorities as declared.
        foreach (var cls in known.TicketClasses)
        {
            var fitted = draft.TicketClasses.Single(c => c.Name == cls.Name);
            Assert.InRange(fitted.Share, cls.Share - 0.03, cls.Share + 0.03);
            Assert.Equal(cls.Priority, fitted.Priority);

            // Handling means per tier within 10 %; the lognormal tiers are recognised as lognormal.
            foreach (var tier in new[] { "L1", "L2" })
            {
                var truth = cls.HandlingAt(tier)!;
                var got = fitted.HandlingAt(tier)!;
                Assert.InRange(got.Mean!.Value, truth.Mean!.Value * 0.9, truth.Mean.Value * 1.1);
                var handling = fit.Handling.Single(h => h.Class == cls.Name && h.Tier == tier);
                if (truth.Kind == DistributionKind.Lognormal && handling.Samples >= 300)
                {
                    Assert.Equal(DistributionKind.Lognormal, got.Kind);
                    Assert.InRange(got.StdDev!.Value, truth.StdDev!.Value * 0.8, truth.StdDev.Value * 1.2);
                }

                Assert.True(handling.KsExponential >= 0 && handling.KsLognormal >= 0);
            }

            // Escalation probability at L1 within 4 points.
            Assert.InRange(fitted.ResolveAt("L1"), cls.ResolveAt("L1") - 0.04, cls.ResolveAt("L1") + 0.04);

            // Patience (exponential, censored MLE) within 25 % of the mean, where the class has
            // 30 abandons or more (a P2 class served first rarely abandons; it borrows the pooled figure).
            var patience = fit.Patience.Single(p => p.Class.StartsWith(cls.Name, StringComparison.Ordinal));
            if (patience.Class == cls.Name && patience.Events >= 30)
            {
                Assert.InRange(fitted.Patience!.Mean!.Value, cls.Patience!.Mean!.Value * 0.75, cls.Patience.Mean.Value * 1.25);
            }
        }

        Assert.True(fit.Patience.Single(p => p.Class == "billing").Events >= 30);

        // Weekday factors relative to the week's mean within 3 Poisson standard errors of the
        // day's count (±7 % on Monday's ~690 tickets, ±20 % on Sunday's ~230); intraday weights
        // per hour within 20 % in the busy hours.
        var weekMean = known.Demand.DayOfWeek!.Average();
        for (var d = 0; d < 7; d++)
        {
            var truth = known.Demand.DayOfWeek![d] / weekMean;
            var tolerance = 3 / Math.Sqrt(known.Demand.BaseVolume!.Value * 48 * known.Demand.DayOfWeek[d]);
            Assert.InRange(draft.Demand.DayOfWeek![d], truth * (1 - tolerance), truth * (1 + tolerance));
        }

        var knownIntraday = known.Demand.Intraday!;
        var hourly = Enumerable.Range(0, 24).Select(h => (draft.Demand.Intraday![2 * h] + draft.Demand.Intraday[(2 * h) + 1]) / 2).ToArray();
        var knownMean = knownIntraday.Average();
        for (var h = 8; h < 19; h++)
        {
            var truth = knownIntraday[h] / knownMean;
            Assert.InRange(hourly[h], truth * 0.8, truth * 1.2);
        }

        // Expected tickets per week within 3 % of the known demand's.
        var expected = Core.Demand.ScenarioDemand.Rate(known).TotalExpected;
        var fittedTotal = Core.Demand.ScenarioDemand.Rate(draft with { Start = known.Start }).TotalExpected;
        Assert.InRange(fittedTotal, expected * 0.97, expected * 1.03);
    }

    private static string SourceSample([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "client", "scenarios", "samples", "history-week.csv");
}
