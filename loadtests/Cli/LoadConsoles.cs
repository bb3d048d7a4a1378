using Spectre.Console;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// Where the commands write: plain lines and tables to <see cref="Out"/> (also as <see cref="Ansi"/>
/// for Spectre's tables and the live view), errors to <see cref="Error"/>. Tests pass string writers.
/// </summary>
public sealed record LoadConsoles(TextWriter Out, TextWriter Error, IAnsiConsole Ansi)
{
    public static LoadConsoles System()
    {
        var ansi = AnsiConsole.Console;

        // Redirected output goes to logs and scripts: do not wrap lines at an assumed 80 columns.
        if (Console.IsOutputRedirected)
        {
            ansi.Profile.Width = 200;
        }

        return new(Console.Out, Console.Error, ansi);
    }

    /// <summary>Both streams into writers, for tests; the ANSI console writes plain text to <paramref name="output"/>.</summary>
    public static LoadConsoles Recording(TextWriter output, TextWriter error)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        ansi.Profile.Width = 200;
        return new LoadConsoles(output, error, ansi);
    }
}
