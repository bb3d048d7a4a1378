using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.LoadTests.Benchmarks;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>grain-sim</c>: grain-mode simulation throughput on M/M/c, checked against fast mode (exit 1 when they differ).</summary>
public sealed class GrainSimCommand(LoadConsoles consoles) : AsyncCommand<GrainSimCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return BenchmarkCommands.GrainSimAsync(settings.Tickets, settings.Agents, consoles.Out);
    }

    /// <summary>The arguments of <c>grain-sim</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[tickets]")]
        [Description("Tickets to simulate [[20000]].")]
        [DefaultValue(20_000)]
        public int Tickets { get; init; }

        [CommandArgument(1, "[agents]")]
        [Description("Agents, c of M/M/c [[50]].")]
        [DefaultValue(50)]
        public int Agents { get; init; }

        public override ValidationResult Validate() =>
            Tickets <= 0 ? ValidationResult.Error($"tickets: invalid value '{Tickets}' — expected a positive whole number")
            : Agents <= 0 ? ValidationResult.Error($"agents: invalid value '{Agents}' — expected a positive whole number")
            : ValidationResult.Success();
    }
}
