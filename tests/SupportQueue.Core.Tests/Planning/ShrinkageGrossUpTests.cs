using SupportQueue.Core.Model;
using SupportQueue.Core.Planning;

namespace SupportQueue.Core.Tests.Planning;

public class ShrinkageGrossUpTests
{
    [Theory]
    [InlineData(8, 0.2, 10)]   // 8 / 0.8 = 10 exactly, though the division gives 10.000000000000002
    [InlineData(9, 0.2, 12)]   // 11.25 → 12
    [InlineData(7, 0.3, 10)]   // 7 / 0.7 = 10 exactly, also off by one ulp in floating point
    [InlineData(1, 0.35, 2)]
    [InlineData(0, 0.5, 0)]
    [InlineData(13, 0.0, 13)]
    public void Scheduled_is_the_least_head_count_whose_expected_attendance_covers_the_need(int onDuty, double shrinkage, int expected)
    {
        var scheduled = ShrinkageGrossUp.Scheduled(onDuty, shrinkage);

        Assert.Equal(expected, scheduled);
        Assert.True(scheduled * (1 - shrinkage) >= onDuty - 1e-9);
        Assert.True(scheduled == 0 || (scheduled - 1) * (1 - shrinkage) < onDuty - 1e-9);
    }

    [Fact]
    public void Per_interval_shrinkage_grosses_up_each_interval()
    {
        Assert.Equal([0, 5, 14, 4], ShrinkageGrossUp.Scheduled([0, 4, 10, 3], [0.5, 0.2, 0.25, 0.1]));
        Assert.Equal([0, 5, 13, 4], ShrinkageGrossUp.Scheduled([0, 4, 10, 3], 0.2));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Shrinkage_outside_zero_to_one_is_refused(double shrinkage)
    {
        var error = Assert.Throws<SupportQueueException>(() => ShrinkageGrossUp.Scheduled(3, shrinkage));
        Assert.StartsWith("shrinkage: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_interval_values_are_named_by_index()
    {
        Assert.StartsWith("onDuty[1]: -2", Assert.Throws<SupportQueueException>(() => ShrinkageGrossUp.Scheduled([1, -2], 0.1)).Message, StringComparison.Ordinal);
        Assert.StartsWith("shrinkage[1]: 1.5", Assert.Throws<SupportQueueException>(() => ShrinkageGrossUp.Scheduled([1, 2], [0.1, 1.5])).Message, StringComparison.Ordinal);
        Assert.StartsWith("shrinkage: '[1 items]'", Assert.Throws<SupportQueueException>(() => ShrinkageGrossUp.Scheduled([1, 2], [0.1])).Message, StringComparison.Ordinal);
    }
}
