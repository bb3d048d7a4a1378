using static SupportQueue.Scheduling.Tests.Problems;

namespace SupportQueue.Scheduling.Tests;

/// <summary>Bad input is refused before any search, naming the field and the value.</summary>
public class ShiftProblemErrorTests
{
    private static ShiftProblemError Single(ShiftProblem problem, SolverOptions? options = null)
    {
        var exception = Assert.Throws<ShiftProblemException>(() => ShiftSolver.Solve(problem, options ?? Options()));
        var error = Assert.Single(exception.Errors);
        Assert.Contains(error.ToString(), exception.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Breaks_that_cannot_fit_the_shift_length_make_the_template_infeasible()
    {
        // The window opens 7 h into a 4-hour shift.
        var late = new BreakRule(H(1), EarliestStart: H(7), LatestStart: H(7.5));
        var template = Half(8) with { Breaks = [late] };

        var error = Single(Problem([1, 1, 1, 1, 0, 0, 0, 0], template));

        Assert.Equal("templates[0] ('half').lengths[0]", error.Field);
        Assert.Equal("04:00:00", error.Value);
        Assert.Contains("breaks cannot all be placed", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_breaks_whose_windows_force_an_overlap_are_infeasible()
    {
        var first = new BreakRule(H(1), H(2), H(2));
        var second = new BreakRule(H(1), H(2.5), H(2.5), Step: TimeSpan.FromMinutes(30));
        var error = Single(Problem([1, 1, 1, 1, 1, 1, 1, 1], Full(breaks: [first, second])));
        Assert.Equal("templates[0] ('full').lengths[0]", error.Field);
    }

    [Fact]
    public void A_template_whose_days_miss_the_grid_covers_no_interval()
    {
        var template = Full() with { Days = [DayOfWeek.Saturday] };
        var error = Single(Problem([1, 1, 1, 1, 1, 1, 1, 1], template));
        Assert.Equal("templates[0] ('full')", error.Field);
        Assert.Equal("'full'", error.Value);
        Assert.Contains("covers no interval", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_starting_after_the_grid_covers_no_interval()
    {
        var error = Single(Problem([1, 1, 1, 1, 1, 1, 1, 1], Full(), Half(18)));
        Assert.Equal("templates[1] ('half')", error.Field);
        Assert.Contains("none of its start times falls inside the grid", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cap_below_the_templates_minimum_per_day_leaves_no_roster()
    {
        var problem = new ShiftProblem(
            Day,
            [new GroupRequirement("L1", [1, 1, 1, 1, 1, 1, 1, 1], HeadCountCap: 2)],
            [Full() with { MinPerDay = 2 }, Half(8) with { MinPerDay = 1 }]);

        var error = Single(problem, Options(CoverageMode.Soft));

        Assert.Equal("requirements[0] ('L1').headCountCap", error.Field);
        Assert.Equal("2", error.Value);
        Assert.Contains("below the 3 people", error.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-11-23", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_time_off_the_grid_is_named()
    {
        var template = Full() with { StartTimes = [H(8), TimeSpan.FromMinutes(8 * 60 + 20)] };
        var error = Single(Problem([1, 1, 1, 1, 1, 1, 1, 1], template));
        Assert.Equal("templates[0] ('full').startTimes[1]", error.Field);
        Assert.Equal("08:20:00", error.Value);
    }

    [Theory]
    [InlineData("group")]
    [InlineData("required")]
    [InlineData("negative")]
    [InlineData("weight")]
    [InlineData("minmax")]
    [InlineData("cost")]
    [InlineData("grid")]
    [InlineData("workers")]
    public void Field_errors_name_the_field_and_value(string fault)
    {
        var problem = Problem([1, 1, 1, 1, 1, 1, 1, 1], Full());
        var options = Options();
        (string Field, string Value) expected;
        switch (fault)
        {
            case "group":
                problem = problem with { Templates = [Full("L9")] };
                expected = ("templates[0] ('full').group", "'L9'");
                break;
            case "required":
                problem = problem with { Requirements = [new GroupRequirement("L1", [1, 1, 1])] };
                expected = ("requirements[0] ('L1').required", "[3 items]");
                break;
            case "negative":
                problem = problem with { Requirements = [new GroupRequirement("L1", [1, 1, -2, 1, 1, 1, 1, 1])] };
                expected = ("requirements[0] ('L1').required[2]", "-2");
                break;
            case "weight":
                problem = problem with { Requirements = [new GroupRequirement("L1", [1, 1, 1, 1, 1, 1, 1, 1], ShortfallWeight: 0)] };
                expected = ("requirements[0] ('L1').shortfallWeight", "0");
                break;
            case "minmax":
                problem = problem with { Templates = [Full() with { MinPerDay = 3, MaxPerDay = 2 }] };
                expected = ("templates[0] ('full').maxPerDay", "2");
                break;
            case "cost":
                problem = problem with { Templates = [Full() with { CostPerPaidHour = -1 }] };
                expected = ("templates[0] ('full').costPerPaidHour", "-1");
                break;
            case "grid":
                problem = problem with { Grid = Day with { IntervalMinutes = 7 } };
                expected = ("grid.intervalMinutes", "7");
                break;
            default:
                options = options with { Workers = 0 };
                expected = ("options.workers", "0");
                break;
        }

        var exception = Assert.Throws<ShiftProblemException>(() => ShiftSolver.Solve(problem, options));
        Assert.Contains(exception.Errors, e => (e.Field, e.Value) == expected);
    }

    [Fact]
    public void Every_mistake_is_reported_at_once()
    {
        var problem = new ShiftProblem(
            Day,
            [new GroupRequirement("L1", [1, 1, 1, 1, 1, 1, 1, 1]), new GroupRequirement("L1", [1, 1, 1, 1, 1, 1, 1, 1])],
            [Full() with { Lengths = [] }, Full() with { CostPerPaidHour = double.NaN }]);

        var exception = Assert.Throws<ShiftProblemException>(() => ShiftSolver.Solve(problem));

        Assert.Equal(
            ["requirements[1] ('L1').group", "templates[0] ('full').lengths", "templates[1] ('full').name", "templates[1] ('full').costPerPaidHour"],
            exception.Errors.Select(e => e.Field));
    }
}
