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
        /// <summary>bench's warm-up when --warmup is not given.</summary>
        public static readonly TimeSpan BenchWarmup = TimeSpan.FromSeconds(15);

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
                // A latency bar is judged on the steady state: a fresh process needs 10-15 s of load
                // before JIT tiering settles (measured at 2,000/s: p99 877 ms after a 3 s warm-up,
                // 18-20 ms after 15 s).
                Warmup = Warmup is null ? BenchWarmup : options.Warmup,
                Rates = Rates is null ? options.Rates : [.. Rates.Split(',').Select(r => OptionValues.Number("--rates", r, min: 0.001))],
                LimitMs = LimitMs is null ? options.LimitMs : OptionValues.Number("--limit-ms", LimitMs, min: 0.001),
            };
        }
    }
}
