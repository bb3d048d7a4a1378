using Spectre.Console.Cli;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>scale</c>: the same load on 1, 2 and 4 in-process silos, then 2 silos with one joining and one killed.</summary>
public sealed class ScaleCommand(LoadConsoles consoles) : AsyncCommand<ScaleCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LoadCommands.ExecuteAsync(settings.ToOptions(), consoles.Out, cancellationToken);
    }

    /// <summary>The options of <c>scale</c>.</summary>
    public sealed class Settings : LoadSettings
    {
        protected override string CommandName => "scale";
    }
}
