using Spectre.Console;

namespace SupportQueue.Client.Cli;

/// <summary>
/// Where the CLI writes: results to <see cref="Out"/>, errors to <see cref="Error"/> (stderr in a
/// real run) so a script that captures the output does not capture error text as data.
/// </summary>
public sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    public static CliConsoles System()
    {
        var output = AnsiConsole.Console;
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

        // Redirected output goes to logs and scripts: do not wrap lines at an assumed 80 columns.
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = 200;
        }

        if (Console.IsErrorRedirected)
        {
            error.Profile.Width = 1000;
        }

        return new CliConsoles(output, error);
    }

    public void WriteError(string message) => Error.MarkupLine($"[red]error:[/] [red]{Markup.Escape(ControlChars.Escape(message))}[/]");

    public void WriteErrors(string headline, IEnumerable<string> details)
    {
        WriteError(headline);
        foreach (var line in details)
        {
            Error.MarkupLine($"  [red]{Markup.Escape(ControlChars.Escape(line))}[/]");
        }
    }
}
