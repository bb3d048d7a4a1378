using SupportQueue.Core.Model;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Queueing;

namespace SupportQueue.Core.Tests.Planning;

public class IsaPrimitivesTests
{
    /// <summary>P(L = k) for L ~ Poisson(a): the number in an infinite-server system, FMMW's first iteration.</summary>
    private static double[] Poisson(double a, int upTo)
    {
        var p = new double[upTo + 1];
        p[0] = Math.Exp(-a);
        for (var k = 1; k <= upTo; k++)
        {
            p[k] = p[k - 1] * a / k;
        }

        return p;
    }

    [Theory]
    [InlineData(10.0, 0.2, 1)]
    [InlineData(10.0, 0.05, 1)]
    [InlineData(42.5, 0.1, 1)]
    [InlineData(42.5, 0.1, 3)]
    public void Least_staff_is_the_alpha_quantile_of_the_number_in_system(double load, double alpha, int capacity)
    {
        var p = Poisson(load, 200);

        var staff = InSystemQuantile.LeastStaff(p, alpha, capacity);

        // Brute force from the definition: P(L ≥ s·c) ≤ α, and not for s − 1.
        double Tail(int slots) => p.Skip(slots).Sum();
        Assert.True(Tail(staff * capacity) <= alpha, $"tail at {staff} agents is {Tail(staff * capacity)}");
        Assert.True(staff == 0 || Tail((staff - 1) * capacity) > alpha);
    }

    [Fact]
    public void Square_root_staffing_shape_for_a_large_load()
    {
        // For Poisson(a) the α-quantile is about a + z·√a (z = 1.2816 at α = 0.1): 100 + 12.8.
        Assert.InRange(InSystemQuantile.LeastStaff(Poisson(100, 400), 0.1), 112, 115);
    }

    [Fact]
    public void An_unrecorded_tail_larger_than_alpha_is_refused()
    {
        var error = Assert.Throws<SupportQueueException>(() => InSystemQuantile.LeastStaff([0.5, 0.3], 0.1));
        Assert.StartsWith("probabilities: 0.8", error.Message, StringComparison.Ordinal);
        Assert.Throws<SupportQueueException>(() => InSystemQuantile.LeastStaff([0.5, -0.3], 0.1));
        Assert.Throws<SupportQueueException>(() => InSystemQuantile.LeastStaff([1.0], 1.0));
    }

    [Theory]
    [InlineData(2.0, 3.0, 20.0 / 60, 0.8, 1)]   // 120 tickets/h, 3-minute handling, 80/20 s
    [InlineData(0.5, 30.0, 60.0, 0.8, 40)]      // 15 erlangs, an hour's threshold, a poor first guess
    [InlineData(3.3, 10.0, 5.0, 0.9, 200)]      // a generous first guess searched downwards
    public void Search_finds_the_least_head_count_meeting_a_monotone_service_level(double rate, double aht, double threshold, double target, int start)
    {
        // Erlang C stands in for the simulator: a monotone curve with a known answer.
        var expected = StaffingSolver.ErlangC(rate, aht, threshold, target).Agents;
        double ServiceLevel(int n) => n * 1.0 <= rate * aht ? 0.0 : ErlangC.Evaluate(rate, aht, n, threshold).ServiceLevel;

        var observations = new List<StaffingObservation>();
        var step = ServiceLevelSearch.Next(observations, target, start);
        var simulations = 0;
        while (!step.Settled)
        {
            observations.Add(new StaffingObservation(step.Next, ServiceLevel(step.Next)));
            step = ServiceLevelSearch.Next(observations, target, start);
            Assert.True(++simulations <= 20, "search did not settle");
        }

        Assert.Equal(expected, step.Next);
        Assert.Equal(expected, step.LowestMeeting);
        Assert.Equal(expected - 1, step.HighestMissing);
    }

    [Fact]
    public void A_noisy_higher_miss_does_not_undo_a_lower_meeting_level()
    {
        var step = ServiceLevelSearch.Next([new(5, 0.82), new(4, 0.7), new(6, 0.79)], 0.8, 3);
        Assert.Equal(new StaffingSearchStep(5, 4, 5, true), step);
    }

    [Fact]
    public void Zero_staff_meeting_the_target_is_settled_and_no_observation_starts_at_the_guess()
    {
        Assert.Equal(new StaffingSearchStep(0, null, 0, true), ServiceLevelSearch.Next([new(0, 1.0)], 0.8, 3));
        Assert.Equal(new StaffingSearchStep(7, null, null, false), ServiceLevelSearch.Next([], 0.8, 7));
        Assert.StartsWith("target: 0", Assert.Throws<SupportQueueException>(() => ServiceLevelSearch.Next([], 0, 7)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convergence_stops_when_no_interval_moves_by_more_than_one_agent()
    {
        var loop = new IsaConvergence(maxIterations: 10);
        Assert.Equal(int.MaxValue, loop.Record([[5, 8, 3], [2, 2]]).MaxChange);
        Assert.False(loop.Converged);

        var second = loop.Record([[7, 8, 3], [2, 1]]);
        Assert.Equal((2, 2), (second.MaxChange, second.ChangedIntervals));
        Assert.False(loop.Done);

        var third = loop.Record([[6, 8, 3], [2, 1]]);
        Assert.Equal((1, 1), (third.MaxChange, third.ChangedIntervals));
        Assert.True(loop.Converged);
        Assert.True(loop.Done);
        Assert.Throws<InvalidOperationException>(() => loop.Record([[6, 8, 3], [2, 1]]));
    }

    [Fact]
    public void The_iteration_cap_ends_the_loop_and_flip_flopping_intervals_are_named()
    {
        var loop = new IsaConvergence(maxIterations: 4, tolerance: 0);
        loop.Record([[4, 9]]);
        loop.Record([[4, 11]]);
        loop.Record([[4, 9]]);
        loop.Record([[4, 11]]);

        Assert.False(loop.Converged);
        Assert.True(loop.Done);
        Assert.Equal([(0, 1)], loop.Oscillating());
    }

    [Fact]
    public void A_round_of_another_shape_is_refused()
    {
        var loop = new IsaConvergence(maxIterations: 4);
        loop.Record([[1, 2]]);
        Assert.StartsWith("staffing: '[2 tiers]'", Assert.Throws<SupportQueueException>(() => loop.Record([[1, 2], [3, 4]])).Message, StringComparison.Ordinal);
        Assert.StartsWith("staffing[0][1]: -1", Assert.Throws<SupportQueueException>(() => loop.Record([[1, -1]])).Message, StringComparison.Ordinal);
    }
}
