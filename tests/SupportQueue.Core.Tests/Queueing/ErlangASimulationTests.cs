using SupportQueue.Core.Demand;
using SupportQueue.Core.Queueing;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Tests.Queueing;

/// <summary>
/// Cross-checks the analytic Erlang A figures against a minimal FCFS M/M/N+M simulation assembled
/// from the building blocks (flat demand profile, per-source streams, samplers, t intervals).
/// </summary>
public class ErlangASimulationTests
{
    private const double Aht = 3;
    private const double Patience = 5;
    private const double Target = 20.0 / 60;
    private const int Replications = 20;
    private static readonly DateTime _start = new(2026, 11, 23);

    [Fact]
    public void Analytic_erlang_a_lies_in_the_confidence_interval_of_replications()
    {
        var serviceLevel = new RunningStatistics();
        var abandon = new RunningStatistics();
        var wait = new RunningStatistics();
        for (var replication = 0; replication < Replications; replication++)
        {
            var (sl, ab, pw) = Simulate(14, seed: 2026, replication);
            serviceLevel.Add(sl);
            abandon.Add(ab);
            wait.Add(pw);
        }

        var analytic = ErlangA.Evaluate(100.0 / 30, Aht, Patience, 14, Target);

        // 99% intervals: three checks at 95% would fail together one seed in seven by design.
        Assert.True(ConfidenceInterval.FromStatistics(serviceLevel, 0.99).Contains(analytic.ServiceLevel), $"SL {serviceLevel.Mean} vs {analytic.ServiceLevel}");
        Assert.True(ConfidenceInterval.FromStatistics(abandon, 0.99).Contains(analytic.ProbabilityOfAbandon), $"Pab {abandon.Mean} vs {analytic.ProbabilityOfAbandon}");
        Assert.True(ConfidenceInterval.FromStatistics(wait, 0.99).Contains(analytic.ProbabilityOfWait), $"Pw {wait.Mean} vs {analytic.ProbabilityOfWait}");
    }

    [Fact]
    public void Common_random_numbers_sharpen_the_comparison_of_two_staffing_levels()
    {
        var paired = new RunningStatistics();
        var fourteen = new RunningStatistics();
        var fifteen = new RunningStatistics();
        for (var replication = 0; replication < Replications; replication++)
        {
            var a = Simulate(14, seed: 99, replication).ServiceLevel;
            var b = Simulate(15, seed: 99, replication).ServiceLevel;
            paired.Add(b - a);
            fourteen.Add(a);
            fifteen.Add(Simulate(15, seed: 100, replication).ServiceLevel);
        }

        var expected = ErlangA.Evaluate(100.0 / 30, Aht, Patience, 15, Target).ServiceLevel
            - ErlangA.Evaluate(100.0 / 30, Aht, Patience, 14, Target).ServiceLevel;
        var crn = ConfidenceInterval.FromStatistics(paired, 0.99);
        var independentHalfWidth = StudentT.Quantile(0.995, Replications - 1)
            * Math.Sqrt((fourteen.Variance + fifteen.Variance) / Replications);
        Assert.True(crn.Contains(expected), $"{crn.Mean} ± {crn.HalfWidth} vs {expected}");
        Assert.True(crn.HalfWidth < independentHalfWidth / 2, $"{crn.HalfWidth} vs {independentHalfWidth}");
    }

    // FCFS with abandonment in arrival order: each customer takes the earliest-free server unless
    // its patience runs out first; abandoners never occupy a server, so later customers are unaffected.
    private static (double ServiceLevel, double Abandon, double Wait) Simulate(int agents, ulong seed, int replication)
    {
        var rate = new RateFunction(new DemandProfile { BaseVolume = 100, IntervalMinutes = 30 }, _start, 10 * 1440);
        var arrivals = new ArrivalGenerator(rate, RandomStream.Create(seed, StreamId.Arrivals, replication));
        var handlingRng = RandomStream.Create(seed, StreamId.Handling, replication);
        var patienceRng = RandomStream.Create(seed, StreamId.Patience, replication);
        var handling = DistributionSpec.Exponential(Aht).CreateSampler();
        var patience = DistributionSpec.Exponential(Patience).CreateSampler();

        var freeAt = new double[agents];
        long counted = 0;
        long answeredInTime = 0;
        long abandoned = 0;
        long waited = 0;
        for (var t = arrivals.NextArrival(0); !double.IsPositiveInfinity(t); t = arrivals.NextArrival(t))
        {
            // Draw both for every customer so the streams stay aligned across staffing levels.
            var service = handling.Sample(handlingRng);
            var limit = patience.Sample(patienceRng);
            var server = 0;
            for (var i = 1; i < agents; i++)
            {
                server = freeAt[i] < freeAt[server] ? i : server;
            }

            var offeredWait = Math.Max(0, freeAt[server] - t);
            var abandons = offeredWait > limit;
            if (!abandons)
            {
                freeAt[server] = t + offeredWait + service;
            }

            if (t < 120)
            {
                continue;
            }

            counted++;
            waited += offeredWait > 0 ? 1 : 0;
            abandoned += abandons ? 1 : 0;
            answeredInTime += !abandons && offeredWait <= Target ? 1 : 0;
        }

        return ((double)answeredInTime / counted, (double)abandoned / counted, (double)waited / counted);
    }
}
