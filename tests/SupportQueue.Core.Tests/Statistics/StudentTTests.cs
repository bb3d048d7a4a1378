using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Tests.Statistics;

public class StudentTTests
{
    [Theory]
    [InlineData(0.975, 1, 12.706204736)]
    [InlineData(0.975, 2, 4.302652730)]
    [InlineData(0.975, 3, 3.182446305)]
    [InlineData(0.975, 5, 2.570581836)]
    [InlineData(0.975, 10, 2.228138852)]
    [InlineData(0.975, 30, 2.042272456)]
    [InlineData(0.975, 100, 1.983971519)]
    [InlineData(0.975, 1000, 1.962339081)]
    [InlineData(0.95, 4, 2.131846786)]
    [InlineData(0.995, 9, 3.249835541)]
    [InlineData(0.90, 20, 1.325340707)]
    public void Quantiles_match_table_values(double p, double df, double expected)
    {
        Assert.InRange(StudentT.Quantile(p, df) - expected, -1e-6, 1e-6);
        Assert.InRange(StudentT.Quantile(1 - p, df) + expected, -1e-6, 1e-6);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(3)]
    [InlineData(7.25)]
    [InlineData(60)]
    public void Cdf_inverts_the_quantile(double df)
    {
        foreach (var p in new[] { 0.001, 0.05, 0.3, 0.5, 0.8, 0.975, 0.9999 })
        {
            Assert.Equal(p, StudentT.Cdf(StudentT.Quantile(p, df), df), 10);
        }
    }

    [Fact]
    public void Large_degrees_of_freedom_approach_the_normal()
    {
        Assert.InRange(StudentT.Quantile(0.975, 1e7) - 1.959963985, -1e-6, 1e-6);
    }
}
