using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.LoadTests.Benchmarks;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>capacity-probe</c>: Orleans' own CPU per call and per activation on one silo.</summary>
public sealed class CapacityProbeCommand(LoadConsoles consoles) : AsyncCommand<CapacityProbeCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return BenchmarkCommands.CapacityProbeAsync(settings.Calls, settings.Activations, consoles.Out);
    }

    /// <summary>The arguments of <c>capacity-probe</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[calls]")]
        [Description("Grain calls to time [[200000]].")]
        [DefaultValue(200_000)]
        public int Calls { get; init; }

        [CommandArgument(1, "[activations]")]
        [Description("Activations to time [[20000]].")]
        [DefaultValue(20_000)]
        public int Activations { get; init; }

        public override ValidationResult Validate() =>
            Calls <= 0 ? ValidationResult.Error($"calls: invalid value '{Calls}' — expected a positive whole number")
            : Activations <= 0 ? ValidationResult.Error($"activations: invalid value '{Activations}' — expected a positive whole number")
            : ValidationResult.Success();
    }
}
