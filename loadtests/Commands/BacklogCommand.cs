using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.LoadTests.Benchmarks;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>backlog</c>: an outage on one in-process silo — tickets at a steady rate, no agents; submit latency and memory per step.</summary>
public sealed class BacklogCommand(LoadConsoles consoles) : AsyncCommand<BacklogCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return BacklogBenchmark.RunAsync(settings.Tickets, settings.Rate, settings.Step, settings.Out, consoles.Out, cancellationToken);
    }

    /// <summary>The options of <c>backlog</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--tickets <N>")]
        [Description("Open tickets to build up [[1000000]].")]
        [DefaultValue(1_000_000L)]
        public long Tickets { get; init; }

        [CommandOption("--rate <N>")]
        [Description("Submits per second [[2000]].")]
        [DefaultValue(2000.0)]
        public double Rate { get; init; }

        [CommandOption("--step <N>")]
        [Description("Tickets per reported row [[100000]].")]
        [DefaultValue(100_000L)]
        public long Step { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Also write the table to this markdown file.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Tickets is <= 0 or > int.MaxValue ? ValidationResult.Error($"--tickets: invalid value '{Tickets}' — expected a positive whole number")
            : !(Rate > 0) || double.IsInfinity(Rate) ? ValidationResult.Error($"--rate: invalid value '{Rate}' — expected a positive number")
            : Step is <= 0 or > int.MaxValue ? ValidationResult.Error($"--step: invalid value '{Step}' — expected a positive whole number")
            : Out is not null && OutError(Out) is { } output ? ValidationResult.Error(output)
            : ValidationResult.Success();

        private static string? OutError(string path)
        {
            try
            {
                OptionValues.OutputFile("--out", path);
                return null;
            }
            catch (UsageException ex)
            {
                return ex.Message;
            }
        }
    }
}
