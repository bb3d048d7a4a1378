using Spectre.Console;
using SupportQueue.Client.Cli;

namespace SupportQueue.Grains.Tests.Cli;

/// <summary>Plain-text consoles that keep what the CLI wrote, wide enough that lines do not wrap.</summary>
internal sealed class RecordingConsoles
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public RecordingConsoles()
    {
        Consoles = new CliConsoles(Create(_out), Create(_error));
    }

    public CliConsoles Consoles { get; }

    public string Out => _out.ToString();

    public string Error => _error.ToString();

    private static IAnsiConsole Create(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        return console;
    }
}
