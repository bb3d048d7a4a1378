using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Http;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>http-cost</c>: CPU per submit through the silo's web pipeline, from the bare endpoints to the whole pipeline.</summary>
public sealed class HttpCostCommand(LoadConsoles consoles) : AsyncCommand<HttpCostCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var results = await HttpCostBenchmark.RunAsync(settings.Requests, settings.Warmup, settings.Concurrency, settings.Rounds, consoles.Out, cancellationToken).ConfigureAwait(false);
        await consoles.Out.WriteLineAsync(HttpCostBenchmark.Table(results, settings.Concurrency)).ConfigureAwait(false);
        return LoadExitCodes.Passed;
    }

    /// <summary>The options of <c>http-cost</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--requests <N>")]
        [Description("Measured submits per run [[20000]].")]
        [DefaultValue(20_000)]
        public int Requests { get; init; }

        [CommandOption("--warmup <N>")]
        [Description("Unmeasured submits before each run (JIT, connections, first activations) [[3000]].")]
        [DefaultValue(3_000)]
        public int Warmup { get; init; }

        [CommandOption("--concurrency <N>")]
        [Description("Submits in flight at once [[16]].")]
        [DefaultValue(16)]
        public int Concurrency { get; init; }

        [CommandOption("--rounds <N>")]
        [Description("Runs of every variant, each on a fresh silo; the table gives the median [[3]].")]
        [DefaultValue(3)]
        public int Rounds { get; init; }

        public override ValidationResult Validate() =>
            Requests <= 0 ? ValidationResult.Error($"--requests: invalid value '{Requests}' — expected a positive whole number")
            : Warmup < 0 ? ValidationResult.Error($"--warmup: invalid value '{Warmup}' — expected a whole number >= 0")
            : Concurrency is <= 0 or > 1024 ? ValidationResult.Error($"--concurrency: invalid value '{Concurrency}' — expected 1 to 1024")
            : Rounds <= 0 ? ValidationResult.Error($"--rounds: invalid value '{Rounds}' — expected a positive whole number")
            : ValidationResult.Success();
    }
}
