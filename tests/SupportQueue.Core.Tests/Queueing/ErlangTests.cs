using SupportQueue.Core.Queueing;
using SupportQueue.Core.Tests.TestSupport;

namespace SupportQueue.Core.Tests.Queueing;

public class ErlangTests
{
    // 100 calls per 30 minutes, AHT 180 s, target 20 s: A = 10 Erlangs.
    private const double CallsPerSecond = 100.0 / 1800.0;

    [Fact]
    public void Erlang_b_matches_the_direct_sum()
    {
        Assert.Equal(0.21458234310734736, ErlangC.ErlangB(10, 10), 14);
        Assert.Equal(1.0, ErlangC.ErlangB(0, 3));
    }

    [Fact]
    public void Erlang_c_reproduces_the_callcentrehelper_example()
    {
        var m = ErlangC.Evaluate(CallsPerSecond, 180, 14, 20);
        Assert.Equal(10.0, m.OfferedLoad, 12);
        Assert.Equal(0.174132, m.ProbabilityOfWait, 6);
        Assert.Equal(0.888350, m.ServiceLevel, 6);
        Assert.Equal(7.84, m.AverageSpeedOfAnswer, 2);
        Assert.Equal(0.714286, m.Occupancy, 6);
        Assert.Equal(0.0, m.ProbabilityOfAbandon);

        var fifteen = ErlangC.Evaluate(CallsPerSecond, 180, 15, 20);
        Assert.Equal(0.102042, fifteen.ProbabilityOfWait, 6);
        Assert.Equal(0.941453, fifteen.ServiceLevel, 6);
    }

    [Fact]
    public void Erlang_c_exact_small_case_and_tijms_large_case()
    {
        Assert.Equal(9.0 / 14.0, ErlangC.ProbabilityOfWait(2, 1.5), 15);

        // Tijms p.200: c = 100, ρ = 0.95. A delayed customer waits AHT / (c − A) = AHT / 5 on average.
        var m = ErlangC.Evaluate(0.95, 100, 100, 0);
        Assert.Equal(0.506457, m.ProbabilityOfWait, 6);
        Assert.Equal(100.0 / 5, m.AverageSpeedOfAnswer / m.ProbabilityOfWait, 9);
    }

    [Fact]
    public void Erlang_c_stays_finite_for_large_desks_and_saturates_when_overloaded()
    {
        var large = ErlangC.Evaluate(4900, 1, 5000, 0.01);
        Assert.InRange(large.ProbabilityOfWait, 0.0, 1.0);
        Assert.InRange(large.ServiceLevel, 0.0, 1.0);
        Assert.True(double.IsFinite(large.AverageSpeedOfAnswer));

        var overloaded = ErlangC.Evaluate(CallsPerSecond, 180, 10, 20);
        Assert.Equal(1.0, overloaded.ProbabilityOfWait);
        Assert.Equal(0.0, overloaded.ServiceLevel);
        Assert.True(double.IsPositiveInfinity(overloaded.AverageSpeedOfAnswer));
    }

    [Fact]
    public void Mm1_wait_in_queue_and_agreement_with_erlang_c_for_one_server()
    {
        Assert.Equal(5.0 / 24.0, MM1.WaitInQueue(5, 8), 15);
        Assert.Equal(1.0 / 3.0, MM1.TimeInSystem(5, 8), 15);
        Assert.Equal(25.0 / 24.0, MM1.QueueLength(5, 8), 15);
        Assert.Equal(5.0 / 24.0, ErlangC.Evaluate(5, 1.0 / 8, 1, 0).AverageSpeedOfAnswer, 15);
        Assert.True(double.IsPositiveInfinity(MM1.WaitInQueue(8, 8)));
    }

    [Fact]
    public void Erlang_a_reproduces_the_pyworkforce_reference()
    {
        // Minutes: 100 calls / 30 min, AHT 3, mean patience 5, N = 14, T = 20 s.
        var m = ErlangA.Evaluate(100.0 / 30, 3, 5, 14, 20.0 / 60);
        Assert.Equal(0.14526, m.ProbabilityOfWait, 5);
        Assert.Equal(0.013984, m.ProbabilityOfAbandon, 6);
        Assert.Equal(0.704297, m.Occupancy, 6);
        Assert.Equal(0.069919, m.AverageSpeedOfAnswer, 6);
        Assert.Equal(0.916792, m.ServiceLevel, 6);
    }

    [Fact]
    public void Erlang_a_definitions_are_consistent()
    {
        var m = ErlangA.Evaluate(100.0 / 30, 3, 5, 14, 20.0 / 60);

        // Little: abandonment flow θ·Lq = λ·P(abandon) with Lq = λ·ASA.
        Assert.Equal(m.ProbabilityOfAbandon, m.AverageSpeedOfAnswer / 5, 12);

        // SL at T = 0 is exactly "not delayed"; with T → ∞ it is "not abandoned".
        Assert.Equal(1 - m.ProbabilityOfWait, ErlangA.Evaluate(100.0 / 30, 3, 5, 14, 0).ServiceLevel, 12);
        Assert.Equal(1 - m.ProbabilityOfAbandon, ErlangA.Evaluate(100.0 / 30, 3, 5, 14, 1e6).ServiceLevel, 9);
    }

    [Fact]
    public void Erlang_a_tends_to_erlang_c_as_patience_grows()
    {
        foreach (var agents in new[] { 11, 14, 20 })
        {
            var a = ErlangA.Evaluate(CallsPerSecond, 180, 1e9, agents, 20);
            var c = ErlangC.Evaluate(CallsPerSecond, 180, agents, 20);
            Assert.Equal(c.ProbabilityOfWait, a.ProbabilityOfWait, 5);
            Assert.Equal(c.ServiceLevel, a.ServiceLevel, 5);
            Assert.Equal(c.AverageSpeedOfAnswer, a.AverageSpeedOfAnswer, 3);
        }
    }

    [Fact]
    public void Erlang_a_handles_overload_and_large_desks()
    {
        // Twice the load the desk can carry: abandonment keeps the queue finite.
        var overloaded = ErlangA.Evaluate(100.0 / 30, 3, 5, 5, 20.0 / 60);
        Assert.InRange(overloaded.ProbabilityOfAbandon, 0.5, 1.0);
        Assert.InRange(overloaded.ServiceLevel, 0.0, 5.0 / 10);
        Assert.InRange(overloaded.Occupancy, 0.9, 1.0);

        var large = ErlangA.Evaluate(3000, 1, 0.5, 2900, 0.05);
        Assert.InRange(large.ServiceLevel, 0.0, 1.0);
        Assert.InRange(large.ProbabilityOfAbandon, 0.0, 0.1);
        Assert.True(double.IsFinite(large.AverageSpeedOfAnswer));

        var previous = 0.0;
        for (var n = 5; n <= 25; n++)
        {
            var sl = ErlangA.Evaluate(100.0 / 30, 3, 5, n, 20.0 / 60).ServiceLevel;
            Assert.True(sl >= previous - 1e-12);
            previous = sl;
        }
    }

    [Fact]
    public void Staffing_for_erlang_c_finds_the_smallest_head_count()
    {
        Assert.Equal(14, StaffingSolver.ErlangC(CallsPerSecond, 180, 20, 0.80).Agents);
        Assert.Equal(15, StaffingSolver.ErlangC(CallsPerSecond, 180, 20, 0.90).Agents);

        // 10 Erlangs at ≤ 70% occupancy needs 15 even though 14 meets 80/20.
        var capped = StaffingSolver.ErlangC(CallsPerSecond, 180, 20, 0.80, maxOccupancy: 0.70);
        Assert.Equal(15, capped.Agents);
        Assert.True(capped.Occupancy <= 0.70);

        var large = StaffingSolver.ErlangC(2000, 1, 0.05, 0.9);
        Assert.True(large.ServiceLevel >= 0.9);
        Assert.True(ErlangC.Evaluate(2000, 1, large.Agents - 1, 0.05).ServiceLevel < 0.9);
    }

    [Fact]
    public void Staffing_for_erlang_a_meets_every_target_with_the_smallest_head_count()
    {
        var m = StaffingSolver.ErlangA(100.0 / 30, 3, 5, 20.0 / 60, 0.8, maxOccupancy: 0.85, maxAbandon: 0.05);
        Assert.True(m.ServiceLevel >= 0.8);
        Assert.True(m.Occupancy <= 0.85);
        Assert.True(m.ProbabilityOfAbandon <= 0.05);
        var fewer = ErlangA.Evaluate(100.0 / 30, 3, 5, m.Agents - 1, 20.0 / 60);
        Assert.False(fewer.ServiceLevel >= 0.8 && fewer.Occupancy <= 0.85 && fewer.ProbabilityOfAbandon <= 0.05);

        // Abandoners relieve the queue, so Erlang A never needs more agents than Erlang C.
        Assert.True(StaffingSolver.ErlangA(CallsPerSecond, 180, 300, 20, 0.8).Agents <= 14);
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(-1, 180, 14, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(1, 0, 14, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(1, 180, 0, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(1, 180, 0, 14, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => StaffingSolver.ErlangC(1, 1, 1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StaffingSolver.ErlangC(1, 1, 1, 0.8, maxOccupancy: 0));
    }
}
