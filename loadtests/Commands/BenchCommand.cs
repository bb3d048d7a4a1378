using Spectre.Console.Cli;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>bench</c>: steps the arrival rate on fresh in-process silos until a rate collapses.</summary>
public sealed class BenchCommand(LoadConsoles consoles) : AsyncCommand<BenchCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LoadCommands.ExecuteAsync(settings.ToOptions(), consoles.Out, cancellationToken);
    }

    /// <summary>The options of <c>bench</c>.</summary>
    public sealed class Settings : LoadSettings
    {
        protected override string CommandName => "bench";

        [CommandOption("--rates <LIST>")]
        [System.ComponentModel.Description("Rates to step, comma-separated [[500,1000,2000,3000,4000]].")]
        public string? Rates { get; init; }

        [CommandOption("--limit-ms <N>")]
        [System.ComponentModel.Description("The p99 submit->assign a rate must hold, ms [[20]].")]
        public string? LimitMs { get; init; }

        protected override LoadOptions Refine(LoadOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            return options with
            {
                Rates = Rates is null ? options.Rates : [.. Rates.Split(',').Select(r => OptionValues.Number("--rates", r, min: 0.001))],
                LimitMs = LimitMs is null ? options.LimitMs : OptionValues.Number("--limit-ms", LimitMs, min: 0.001),
            };
        }
    }
}
