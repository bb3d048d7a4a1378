using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.LoadTests.Benchmarks;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>simulate-bench</c>: fast-mode simulation speed on M/M/50, one thread, no cluster.</summary>
public sealed class SimulateBenchCommand(LoadConsoles consoles) : AsyncCommand<SimulateBenchCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return BenchmarkCommands.SimulateBenchAsync(settings.Customers, settings.Runs, settings.Warmup, consoles.Ansi, cancellationToken);
    }

    /// <summary>The options of <c>simulate-bench</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--customers <N>")]
        [Description("Customers per timed run, 1000..20000000 [[1000000]].")]
        [DefaultValue(1_000_000)]
        public int Customers { get; init; }

        [CommandOption("--runs <N>")]
        [Description("Timed runs, 1..100 [[3]].")]
        [DefaultValue(3)]
        public int Runs { get; init; }

        [CommandOption("--warmup <N>")]
        [Description("Untimed warm-up runs first, 0..100 [[3]].")]
        [DefaultValue(3)]
        public int Warmup { get; init; }

        public override ValidationResult Validate() =>
            Customers is < 1_000 or > 20_000_000 ? ValidationResult.Error($"--customers: invalid value '{Customers}' — expected an integer 1000..20000000")
            : Runs is < 1 or > 100 ? ValidationResult.Error($"--runs: invalid value '{Runs}' — expected an integer 1..100")
            : Warmup is < 0 or > 100 ? ValidationResult.Error($"--warmup: invalid value '{Warmup}' — expected an integer 0..100")
            : ValidationResult.Success();
    }
}
