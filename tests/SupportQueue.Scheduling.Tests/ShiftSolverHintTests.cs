using static SupportQueue.Scheduling.Tests.Problems;

namespace SupportQueue.Scheduling.Tests;

public class ShiftSolverHintTests
{
    [Fact]
    public void A_hinted_roster_is_a_start_not_an_answer_the_optimum_is_unchanged()
    {
        // The optimum of 1,1,2,2,2,2,1,1 is a full shift plus a half at 10:00 (128). Hinting a
        // worse roster (two full shifts, 160) or a roster that no longer covers (one full shift)
        // must still end at the optimum.
        var problem = Problem([1, 1, 2, 2, 2, 2, 1, 1], Full(), Half(8, 10, 12));
        var wide = ShiftSolver.Solve(Problem([2, 2, 2, 2, 2, 2, 2, 2], Full(), Half(8, 10, 12)), Options(CoverageMode.Hard));
        var thin = ShiftSolver.Solve(Problem([1, 1, 1, 1, 1, 1, 1, 1], Full(), Half(8, 10, 12)), Options(CoverageMode.Hard));
        Assert.Equal(160.0, wide.TotalCost, 9);

        foreach (var hint in new[] { wide, thin })
        {
            var schedule = ShiftSolver.Solve(problem, Options(CoverageMode.Hard), hint: hint);
            Assert.Equal(ScheduleStatus.Optimal, schedule.Status);
            Assert.Equal(128.0, schedule.TotalCost, 9);
            Assert.All(schedule.Coverage, row => Assert.Equal(0.0, row.Shortfall));
        }

        // In soft mode under a cap of one person a day the hinted roster starts the shortfall search.
        var capped = problem with { Requirements = [new GroupRequirement("L1", [1, 1, 2, 2, 2, 2, 1, 1], HeadCountCap: 1)] };
        var soft = ShiftSolver.Solve(capped, Options(CoverageMode.Auto), hint: wide);
        Assert.Equal(CoverageMode.Soft, soft.ModeUsed);
        Assert.Equal(4.0, soft.TotalShortfall, 9);
    }
}
