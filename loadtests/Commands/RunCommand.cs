using Spectre.Console.Cli;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>run</c>: one load run, flat rate or a seasonal week.</summary>
public sealed class RunCommand(LoadConsoles consoles) : AsyncCommand<RunCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LoadCommands.ExecuteAsync(settings.ToOptions(), consoles.Out, cancellationToken);
    }

    /// <summary>The options of <c>run</c>.</summary>
    public sealed class Settings : ClusterLoadSettings
    {
        protected override string CommandName => "run";
    }
}
