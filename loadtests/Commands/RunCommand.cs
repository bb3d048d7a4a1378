using System.ComponentModel;
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
        [CommandOption("--arrivals <FILE>")]
        [Description("Replay a recorded ticket-history trace (CSV, or JSON lines for .jsonl; see docs/recording.md) in compressed time (--compress) instead of --rate/--duration.")]
        public string? Arrivals { get; init; }

        protected override string CommandName => "run";

        protected override LoadOptions Refine(LoadOptions options)
        {
            var o = base.Refine(options);
            if (Arrivals is null)
            {
                return o;
            }

            if (o.SeasonalWeekIn is not null || Rate is not null || Duration is not null)
            {
                throw new UsageException("--arrivals: the trace sets the arrivals; leave out --rate, --duration and --seasonal-week-in");
            }

            return o with { ArrivalsPath = Arrivals, Trace = ArrivalsTrace.Load("--arrivals", Arrivals) };
        }
    }
}
