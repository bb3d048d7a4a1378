namespace SupportQueue.LoadTests.Tests;

public class BacklogCommandTests
{
    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Backlog_keeps_every_submitted_ticket_open_on_the_desk_and_reports_each_step()
    {
        var (exit, output, error) = await LoadCli.RunAsync("backlog", "--tickets", "300", "--rate", "1000", "--step", "100");

        Assert.True(exit == 0, output + error);
        Assert.Contains("| 100 |", output, StringComparison.Ordinal);
        Assert.Contains("| 300 |", output, StringComparison.Ordinal);
        Assert.Contains("300 submitted", output, StringComparison.Ordinal);
        Assert.Contains("0 failed; desk open 300.", output, StringComparison.Ordinal);
    }
}
