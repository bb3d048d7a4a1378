using Spectre.Console;
using SupportQueue.LoadTests.Live;

namespace SupportQueue.LoadTests.Tests;

public class LiveConsoleViewTests
{
    [Fact]
    public void Renders_rate_in_flight_p99_and_errors_with_names_that_look_like_markup()
    {
        var snapshot = new LiveSnapshot(
            TimeSpan.FromSeconds(3),
            TimeSpan.FromSeconds(10),
            [new LiveScenarioRow("[submit]", 99.5, 7, 300)],
            [new LiveOperationRow("submit->assign [x]", 290, 98.2, 12.34, 3)],
            42);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });

        console.Write(LiveConsoleView.Build(null));
        console.Write(LiveConsoleView.Build(snapshot));
        var text = writer.ToString();

        Assert.Contains("starting", text, StringComparison.Ordinal);
        Assert.Contains("3s / 10s", text, StringComparison.Ordinal);
        Assert.Contains("[submit]", text, StringComparison.Ordinal);
        Assert.Contains("submit->assign [x]", text, StringComparison.Ordinal);
        Assert.Contains("99.5", text, StringComparison.Ordinal);
        Assert.Contains("12.34", text, StringComparison.Ordinal);
    }
}
