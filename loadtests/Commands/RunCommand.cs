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
        [Description("Replay a recorded ticket-history trace (desk export: CSV, or JSON lines for .jsonl) instead of the scenario's demand: its tickets at their times, " +
            "with recorded handling where known; the scenario gives the roster, the desk and everything the trace does not say (docs/recording.md). " +
            "Compressed by --compress or --week-in, or so the trace's mean rate is --rate per wall second; the whole trace unless --duration.")]
        public string? Arrivals { get; init; }

        protected override string CommandName => "run";

        protected override LoadOptions Refine(LoadOptions options)
        {
            var o = base.Refine(options);
            if (Arrivals is null)
            {
                return o;
            }

            var replay = ArrivalsTrace.Replay(o.Scenario, "--arrivals", Arrivals);
            o = o with
            {
                Scenario = replay,
                ScenarioSource = $"{o.ScenarioSource} with the arrivals of {Arrivals}",
                Compress = o.WeekIn is null ? o.Compress ?? o.Rate / ArrivalsTrace.MeanArrivalsPerSecond(replay) : null,
            };
            // Up to the last recorded arrival and an hour of service after it (the run's start is midnight of the first ticket's day).
            var simulated = TimeSpan.FromTicks(Math.Min(replay.Horizon.Ticks, (replay.Arrivals[^1].Created - replay.Start + TimeSpan.FromHours(1)).Ticks));
            return Duration is null ? o with { Duration = TimeSpan.FromTicks((long)(simulated.Ticks / LoadCommands.Compression(o))) } : o;
        }
    }
}
