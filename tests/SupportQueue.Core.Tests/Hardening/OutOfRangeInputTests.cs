using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;
using SupportQueue.Core.Tests.Simulation;

namespace SupportQueue.Core.Tests.Hardening;

/// <summary>
/// Issue 11 defect 3: values that used to pass validation and then break a desk or a run (date
/// overflows, infinite rates) are refused up front, naming the JSON path and the value; values at
/// the bounds run.
/// </summary>
public class OutOfRangeInputTests
{
    private static readonly TimeSpan _huge = TimeSpan.Parse("3000000.00:00:00", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, DeskSettings, string> HugeDeskDurations => new()
    {
        { "reservation timeout", DeskSettings.Default with { ReservationTimeout = _huge }, "$.reservationTimeout: 3000000.00:00:00 — at most 365 days" },
        { "wait timeout", DeskSettings.Default with { Escalation = [new(EscalationRuleKind.WaitTimeout, "L1", _huge)] }, "$.escalation[0].after: 3000000.00:00:00 — at most 365 days" },
        { "borrowing wait", DeskSettings.Default with { Borrowing = new(true, _huge) }, "$.borrowing.minWait: 3000000.00:00:00 — at most 365 days" },
        { "aging step", DeskSettings.Default with { AgingStep = _huge }, "$.agingStep: 3000000.00:00:00 — at most 365 days" },
        { "overflow wait", DeskSettings.Default with { Escalation = [new(EscalationRuleKind.Overflow, "L1", MaxExpectedWait: _huge)] }, "$.escalation[0].maxExpectedWait: 3000000.00:00:00 — at most 365 days" },
        { "SLA target", DeskSettings.Default with { Sla = [new SlaTarget(Priority.P1, _huge, null)] }, "$.sla[0].firstResponse: 3000000.00:00:00 — at most 365 days" },
        { "handle time", DeskSettings.Default with { Tiers = [new("L1", _huge)] }, "$.tiers[0].averageHandleTime: 3000000.00:00:00 — at most 365 days" },
    };

    [Theory]
    [MemberData(nameof(HugeDeskDurations))]
    public void Desk_durations_beyond_a_year_are_refused_with_path_and_value(string name, DeskSettings settings, string expected)
    {
        Assert.Contains(expected, settings.Validate());
        Assert.NotNull(name);
    }

    [Fact]
    public void A_start_near_the_end_of_the_calendar_is_refused()
    {
        var scenario = Scenarios.MMc(10, 3, 2) with { Start = new DateTime(9999, 12, 31), Horizon = TimeSpan.FromDays(2) };

        Assert.Contains("$.start: 9999-12-31T00:00:00 — must be between 2000-01-01 and 9000-12-31", scenario.Validate());
    }

    [Fact]
    public void A_break_whose_end_overflows_is_refused_not_thrown()
    {
        var shift = new ShiftSpec([], TimeSpan.FromHours(8), TimeSpan.FromHours(16), [new BreakSpec(TimeSpan.MaxValue - TimeSpan.FromHours(1), TimeSpan.FromHours(2))]);
        var baseline = Scenarios.MMc(10, 3, 2);
        var scenario = baseline with { Roster = new RosterSpec([baseline.Roster.Groups[0] with { Shifts = [shift] }]) };

        var errors = scenario.Validate();

        Assert.Contains(errors, e => e.StartsWith("$.roster.groups[0].shifts[0].breaks[0]: ", StringComparison.Ordinal) && e.EndsWith("must start and end inside the shift", StringComparison.Ordinal));
    }

    [Fact]
    public void Handling_and_patience_of_astronomic_size_are_refused()
    {
        var baseline = Scenarios.MMc(10, 3, 2);
        var scenario = baseline with
        {
            TicketClasses = [baseline.TicketClasses[0] with { Handling = ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Fixed(1e300)), Patience = DistributionSpec.Exponential(1e300) }],
        };

        var errors = scenario.Validate();

        Assert.Contains("$.ticketClasses[0].handling.*.value: 1E+300 — must be at most 525600 (365 days in minutes)", errors);
        Assert.Contains("$.ticketClasses[0].patience.mean: 1E+300 — must be at most 525600 (365 days in minutes)", errors);
    }

    [Fact]
    public void Demand_factors_whose_product_overflows_are_refused_not_read_as_zero()
    {
        var baseline = Scenarios.MMc(10, 3, 2);
        var scenario = baseline with
        {
            Demand = baseline.Demand with { Intraday = [1e308, 1], DayOfWeek = [1e308, 1, 1, 1, 1, 1, 1] },
        };

        var errors = scenario.Validate();

        Assert.Contains("$.demand.intraday[0]: 1E+308 — must be at most 1000000000", errors);
        Assert.Contains("$.demand.dayOfWeek[0]: 1E+308 — must be at most 1000000", errors);
    }

    [Fact]
    public void Factors_each_in_range_whose_peak_is_absurd_are_refused_at_the_base_volume()
    {
        var baseline = Scenarios.MMc(10, 3, 2);
        var scenario = baseline with { Demand = baseline.Demand with { BaseVolume = 1000, DayOfWeek = [1e6, 1, 1, 1, 1, 1, 1] } };

        Assert.Contains(scenario.Validate(), e => e.StartsWith("$.demand.baseVolume: 1000 — with the busiest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spread_that_overflows_the_gamma_shape_is_refused()
    {
        var errors = DistributionSpec.Gamma(500_000, 1e-300).Validate("$.d");

        Assert.Contains(errors, e => e.Path == "$.d.stdDev" && e.Reason.StartsWith("must be between 0.001 and 1000 times the mean", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_at_every_bound_run_to_the_horizon()
    {
        var year = InputBounds.MaxDuration;
        var baseline = Scenarios.MMc(10, 3, 2, replications: 1, days: 2);
        var scenario = baseline with
        {
            Start = InputBounds.MaxStart,
            Desk = baseline.Desk with
            {
                Tiers = [new("L1", year), new("L2", year)],
                ReservationTimeout = year,
                AgingStep = year,
                Borrowing = new(true, year),
                Escalation = [new(EscalationRuleKind.WaitTimeout, "L1", year), new(EscalationRuleKind.Overflow, "L1", MaxExpectedWait: year)],
                Sla = [new SlaTarget(Priority.P2, year, year)],
            },
            Roster = new RosterSpec([new AgentGroupSpec("a", "L1", 2), new AgentGroupSpec("b", "L2", 1)]),
            TicketClasses =
            [
                baseline.TicketClasses[0] with
                {
                    Handling = ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Fixed(InputBounds.MaxMinutes)),
                    Patience = DistributionSpec.Exponential(InputBounds.MaxMinutes),
                },
            ],
        };
        Assert.Empty(scenario.Validate());

        var result = new SimulationRun(scenario, 0).RunFast();

        Assert.True(result.Events > 0);
    }
}
