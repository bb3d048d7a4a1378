using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Tests;

public class ScenarioPlanTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static List<double> Uniform(params LoadSimulation[] sims) =>
        ScenarioPlan.Create(sims).ArrivalOffsets(ArrivalSpacing.Uniform).Select(t => t.TotalSeconds).ToList();

    private static int CountIn(List<double> arrivals, double from, double to) => arrivals.Count(t => t >= from - 1e-9 && t < to - 1e-9);

    [Fact]
    public void Inject_uniform_spaces_arrivals_evenly_from_phase_start()
    {
        var arrivals = Uniform(Simulation.Inject(10, S(1), S(5)));

        Assert.Equal(50, arrivals.Count);
        for (var k = 0; k < arrivals.Count; k++)
        {
            Assert.Equal(k * 0.1, arrivals[k], 1e-6);
        }
    }

    [Fact]
    public void Inject_rate_is_per_interval()
    {
        var arrivals = Uniform(Simulation.Inject(5, TimeSpan.FromMilliseconds(500), S(2)));

        Assert.Equal(20, arrivals.Count);
        Assert.Equal(0.1, arrivals[1] - arrivals[0], 6);
    }

    [Fact]
    public void Consecutive_phases_each_get_their_own_count()
    {
        var arrivals = Uniform(Simulation.Inject(10, S(1), S(1)), Simulation.Inject(20, S(1), S(1)));

        Assert.Equal(10, CountIn(arrivals, 0, 1));
        Assert.Equal(20, CountIn(arrivals, 1, 2));
    }

    [Fact]
    public void RampingInject_from_zero_is_linear()
    {
        var plan = ScenarioPlan.Create([Simulation.RampingInject(10, S(1), S(10))]);

        for (var t = 0.0; t < 10; t += 0.5)
        {
            Assert.Equal(t, plan.RateAt(S(t)), 6);
        }

        // Λ(t) = t²/2, so second i holds i + 0.5 expected arrivals.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(i + 0.5, plan.ExpectedArrivals(S(i), S(i + 1)), 6);
        }

        var arrivals = plan.ArrivalOffsets(ArrivalSpacing.Uniform).Select(t => t.TotalSeconds).ToList();
        Assert.Equal(50, arrivals.Count);
        for (var k = 0; k < arrivals.Count; k++)
        {
            Assert.Equal(Math.Sqrt(2.0 * k), arrivals[k], 1e-6);
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.InRange(CountIn(arrivals, i, i + 1), i + 0.5 - 1, i + 0.5 + 1);
        }
    }

    [Fact]
    public void RampingInject_starts_from_the_previous_rate()
    {
        var plan = ScenarioPlan.Create([Simulation.Inject(10, S(1), S(2)), Simulation.RampingInject(20, S(1), S(2))]);

        Assert.Equal(10, plan.RateAt(S(2)), 6);
        Assert.Equal(15, plan.RateAt(S(3)), 6);
        Assert.Equal(19.975, plan.RateAt(S(3.995)), 6);
        Assert.Equal(30, plan.ExpectedArrivals(S(2), S(4)), 6);
        Assert.Equal(50, plan.ArrivalOffsets(ArrivalSpacing.Uniform).Count());
    }

    [Fact]
    public void RampingInject_down_to_zero_and_after_a_pause_from_zero()
    {
        var plan = ScenarioPlan.Create([
            Simulation.Inject(10, S(1), S(1)),
            Simulation.RampingInject(0, S(1), S(2)),
            Simulation.Pause(S(1)),
            Simulation.RampingInject(10, S(1), S(2)),
        ]);

        Assert.Equal(5, plan.RateAt(S(2)), 6);
        Assert.Equal(10, plan.ExpectedArrivals(S(1), S(3)), 6);
        Assert.Equal(0, plan.RateAt(S(3.5)));
        Assert.Equal(0, plan.RateAt(S(4)), 6);
        Assert.Equal(5, plan.RateAt(S(5)), 6);
        var arrivals = plan.ArrivalOffsets(ArrivalSpacing.Uniform).Select(t => t.TotalSeconds).ToList();
        Assert.Equal(0, CountIn(arrivals, 3, 4));
        Assert.Equal(30, arrivals.Count);
    }

    [Fact]
    public void Pause_produces_no_arrivals_and_the_next_phase_starts_on_time()
    {
        var arrivals = Uniform(Simulation.Inject(10, S(1), S(1)), Simulation.Pause(S(1)), Simulation.Inject(10, S(1), S(1)));

        Assert.Equal(20, arrivals.Count);
        Assert.Equal(0, CountIn(arrivals, 1, 2));
        Assert.Equal(2.0, arrivals[10], 6);
    }

    [Fact]
    public void Closed_phases_produce_no_arrivals()
    {
        var plan = ScenarioPlan.Create([Simulation.KeepConstant(3, S(1)), Simulation.RampingConstant(0, S(1))]);

        Assert.False(plan.HasOpenModel);
        Assert.Empty(plan.ArrivalOffsets(ArrivalSpacing.Poisson, 1));
    }

    [Fact]
    public void Poisson_is_reproducible_per_seed_and_matches_the_expected_count()
    {
        var plan = ScenarioPlan.Create([Simulation.Inject(1000, S(1), S(10))]);

        var a = plan.ArrivalOffsets(ArrivalSpacing.Poisson, 42).ToList();
        var b = plan.ArrivalOffsets(ArrivalSpacing.Poisson, 42).ToList();
        var c = plan.ArrivalOffsets(ArrivalSpacing.Poisson, 43).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Poisson(10 000) has a standard deviation of 100; five of them is a generous but meaningful band.
        Assert.InRange(a.Count, 9_500, 10_500);
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First <= p.Second));
        Assert.True(a[^1] < S(10));
    }

    [Fact]
    public void Poisson_follows_a_ramp()
    {
        var plan = ScenarioPlan.Create([Simulation.RampingInject(2000, S(1), S(10))]);
        var arrivals = plan.ArrivalOffsets(ArrivalSpacing.Poisson, 7).Select(t => t.TotalSeconds).ToList();

        // Rate 200·t: expected 2500 in the first half (σ = 50) and 10 000 in all (σ = 100).
        Assert.InRange(CountIn(arrivals, 0, 5), 2250, 2750);
        Assert.InRange(arrivals.Count, 9_500, 10_500);
    }

    [Fact]
    public void Seasonal_step_profile_gives_expected_counts_per_segment()
    {
        var plan = ScenarioPlan.Create([Simulation.Seasonal(x => x < 0.5 ? 0.2 : 1.0, 100, S(10))]);
        var arrivals = plan.ArrivalOffsets(ArrivalSpacing.Uniform).Select(t => t.TotalSeconds).ToList();

        Assert.Equal(20, plan.RateAt(S(2)), 6);
        Assert.Equal(100, plan.RateAt(S(7)), 6);
        Assert.InRange(CountIn(arrivals, 0, 5), 99, 101);
        Assert.InRange(CountIn(arrivals, 5, 10), 499, 501);
        Assert.Equal(600, arrivals.Count);
    }

    [Fact]
    public void Seasonal_week_of_intraday_weekday_and_peak_compressed_into_wall_time()
    {
        // A week squeezed into 14 s: each day 2 s, busy in its middle half; weekends at 30 %;
        // a peak event doubling Wednesday's demand. All factors are composed by the caller.
        static double Intraday(double dayFraction) => dayFraction is >= 0.25 and < 0.75 ? 1.0 : 0.25;
        static double Weekday(int day) => day >= 5 ? 0.3 : 1.0;
        static double Peak(int day) => day == 2 ? 2.0 : 1.0;
        static double Shape(double x)
        {
            var dayPosition = Math.Min(x * 7, 6.999999);
            var day = (int)dayPosition;
            return Intraday(dayPosition - day) * Weekday(day) * Peak(day) / 2.0;
        }

        var plan = ScenarioPlan.Create([Simulation.Seasonal(Shape, 200, S(14))]);
        var arrivals = plan.ArrivalOffsets(ArrivalSpacing.Uniform).Select(t => t.TotalSeconds).ToList();

        for (var day = 0; day < 7; day++)
        {
            // Per day: 1 s at 100/s × weekday × peak plus 1 s at 25/s × weekday × peak.
            var expected = 125 * Weekday(day) * Peak(day);
            Assert.Equal(expected, plan.ExpectedArrivals(S(day * 2), S((day * 2) + 2)), 6);
            Assert.InRange(CountIn(arrivals, day * 2, (day * 2) + 2), expected - 1, expected + 1);
        }

        Assert.Equal(100, plan.RateAt(S(2.9)), 6);
        Assert.Equal(200, plan.RateAt(S(4.9)), 6);
        Assert.Equal(7.5, plan.RateAt(S(10.1)), 6);
    }

    [Fact]
    public void Seasonal_smooth_curve_integrates_closely()
    {
        var plan = ScenarioPlan.Create([Simulation.Seasonal(x => 0.5 + (0.5 * Math.Sin(2 * Math.PI * x)), 100, S(10))]);

        // ∫ 50 + 50·sin(2πt/10) over the first quarter = 125 + 250/π.
        Assert.Equal(125 + (250 / Math.PI), plan.ExpectedArrivals(S(0), S(2.5)), 1);
        Assert.Equal(500, plan.ExpectedArrivals(S(0), S(10)), 6);
        Assert.InRange(plan.ArrivalOffsets(ArrivalSpacing.Uniform).Count(), 499, 501);
    }

    [Fact]
    public void Seasonal_negative_or_non_finite_shape_counts_as_no_demand()
    {
        var plan = ScenarioPlan.Create([Simulation.Seasonal(x => x < 0.5 ? -1 : double.NaN, 100, S(1))]);

        Assert.Empty(plan.ArrivalOffsets(ArrivalSpacing.Uniform));
    }

    [Fact]
    public void KeepConstant_holds_copies_for_its_phase_only()
    {
        var plan = ScenarioPlan.Create([Simulation.KeepConstant(5, S(2)), Simulation.Pause(S(1)), Simulation.KeepConstant(2, S(1))]);

        Assert.Equal(5, plan.CopiesAt(S(0)));
        Assert.Equal(5, plan.CopiesAt(S(1.999)));
        Assert.Equal(0, plan.CopiesAt(S(2.5)));
        Assert.Equal(2, plan.CopiesAt(S(3)));
        Assert.Equal(0, plan.CopiesAt(S(4)));
        Assert.Equal(
            [new CopiesChange(S(0), 5), new CopiesChange(S(2), 0), new CopiesChange(S(3), 2), new CopiesChange(S(4), 0)],
            plan.CopiesChanges);
    }

    [Fact]
    public void RampingConstant_rounds_the_linear_ramp_to_the_nearest_copy()
    {
        var plan = ScenarioPlan.Create([Simulation.RampingConstant(10, S(10)), Simulation.KeepConstant(10, S(1))]);

        Assert.Equal(0, plan.CopiesAt(S(0.49)));
        Assert.Equal(1, plan.CopiesAt(S(0.5)));
        Assert.Equal(5, plan.CopiesAt(S(5)));
        Assert.Equal(10, plan.CopiesAt(S(9.5)));
        Assert.Equal(10, plan.CopiesAt(S(10.5)));
        Assert.Equal(0, plan.CopiesAt(S(11)));

        // Mean over the ramp equals the line's mean (5 copies).
        var mean = Enumerable.Range(0, 10_000).Average(i => plan.CopiesAt(S(i / 1000.0)));
        Assert.Equal(5, mean, 2);
    }

    [Fact]
    public void RampingConstant_down_starts_from_the_previous_count()
    {
        var plan = ScenarioPlan.Create([Simulation.KeepConstant(4, S(1)), Simulation.RampingConstant(0, S(4))]);

        Assert.Equal(4, plan.CopiesAt(S(1.4)));
        Assert.Equal(3, plan.CopiesAt(S(1.5)));
        Assert.Equal(1, plan.CopiesAt(S(4)));
        Assert.Equal(0, plan.CopiesAt(S(4.5)));
        Assert.Equal(S(5), plan.TotalDuration);
    }

    [Fact]
    public void Phases_are_laid_back_to_back()
    {
        var plan = ScenarioPlan.Create([Simulation.Inject(1, S(1), S(2)), Simulation.Pause(S(3)), Simulation.KeepConstant(1, S(4))]);

        Assert.Equal([S(0), S(2), S(5)], plan.Phases.Select(p => p.Start));
        Assert.Equal(S(9), plan.TotalDuration);
    }

    [Fact]
    public void Invalid_simulation_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(10, S(1), TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(-1, S(1), S(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(1, TimeSpan.Zero, S(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.KeepConstant(-1, S(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Seasonal(_ => 1, double.NaN, S(1)));
    }
}
