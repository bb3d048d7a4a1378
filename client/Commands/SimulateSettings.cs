using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Core.Simulation;
using SupportQueue.Grains.Simulation;

namespace SupportQueue.Client.Commands;

public sealed class SimulateSettings : ClusterCommandSettings
{
    [CommandArgument(0, "<scenario.json>")]
    [Description("Scenario file: desk, roster, ticket classes, demand and service-level objective (see client/scenarios/).")]
    public string ScenarioFile { get; init; } = "";

    [CommandOption("--replications <N>")]
    [Description("Independent replications (overrides the file).")]
    public string? Replications { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Random seed, a whole number (overrides the file).")]
    public string? Seed { get; init; }

    [CommandOption("--horizon <DURATION>")]
    [Description("Simulated period, as d.hh:mm:ss or hh:mm:ss (overrides the file).")]
    public string? Horizon { get; init; }

    [CommandOption("--warm-up <DURATION>")]
    [Description("Start of the period left out of every figure, as d.hh:mm:ss or hh:mm:ss (overrides the file).")]
    public string? WarmUp { get; init; }

    [CommandOption("--mode <MODE>")]
    [Description("fast: each replication runs the engine in-process inside one grain; grains: the scenario drives the real Ticket, Agent and DeskScheduler grains.")]
    [DefaultValue("fast")]
    public string Mode { get; init; } = "fast";

    [CommandOption("--out <DIR>")]
    [Description("Where to write summary.json, the CSVs and report.html (default: out/<scenario-name>-<timestamp> under the current directory).")]
    public string? Out { get; init; }

    [CommandOption("--max-events <N>")]
    [Description("Work budget: calendar events over all replications (default 2000000000). A scenario estimated above it is refused before it starts.")]
    public string? MaxEvents { get; init; }

    [CommandOption("--max-memory-mb <MB>")]
    [Description("Work budget: peak memory of the replications running at once, in MB (default 2048).")]
    public string? MaxMemoryMb { get; init; }

    [CommandOption("--arrivals <FILE>")]
    [Description("Replay a recorded ticket history (CSV, or JSON lines for .jsonl/.ndjson; docs/ticket-history.md) against the scenario's desk instead of drawing arrivals; prints which source each quantity comes from.")]
    public string? Arrivals { get; init; }

    public override bool EmbeddedWhenNoCluster => true;

    /// <summary>The budget the options give; checked by <see cref="ValidateCommand"/> first.</summary>
    public WorkBudget Budget => new()
    {
        MaxEvents = MaxEvents is null ? WorkBudget.Default.MaxEvents : long.Parse(MaxEvents, CultureInfo.InvariantCulture),
        MaxMemoryBytes = MaxMemoryMb is null ? WorkBudget.Default.MaxMemoryBytes : long.Parse(MaxMemoryMb, CultureInfo.InvariantCulture) * 1024.0 * 1024.0,
    };

    public SimulationMode SimulationMode => Mode.Equals("grains", StringComparison.OrdinalIgnoreCase) ? SimulationMode.Grains : SimulationMode.Fast;

    protected override ValidationResult ValidateCommand()
    {
        string? replications = null, seed = null, mode = null, output = null, horizon = null, warmUp = null;
        if (Replications is not null)
        {
            replications = CliParsing.CheckInt("--replications", Replications, 1, 10_000, out _);
        }

        if (Seed is not null && !ulong.TryParse(Seed, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            seed = CliParsing.Error("--seed", Seed, "must be a whole number from 0 to 18446744073709551615");
        }

        if (Horizon is not null && !TryDuration(Horizon, out _))
        {
            horizon = CliParsing.Error("--horizon", Horizon, "must be a duration such as 2.00:00:00 (two days) or 12:00:00");
        }

        if (WarmUp is not null && !TryDuration(WarmUp, out _))
        {
            warmUp = CliParsing.Error("--warm-up", WarmUp, "must be a duration such as 12:00:00 or 00:00:00");
        }

        if (!Mode.Equals("fast", StringComparison.OrdinalIgnoreCase) && !Mode.Equals("grains", StringComparison.OrdinalIgnoreCase))
        {
            mode = CliParsing.Error("--mode", Mode, "must be fast or grains");
        }

        if (Out is not null)
        {
            output = CliParsing.CheckOutputDirectory("--out", Out);
        }

        var maxEvents = MaxEvents is null || (long.TryParse(MaxEvents, NumberStyles.None, CultureInfo.InvariantCulture, out var e) && e > 0)
            ? null
            : CliParsing.Error("--max-events", MaxEvents, "must be a positive whole number");
        var maxMemory = MaxMemoryMb is null || (long.TryParse(MaxMemoryMb, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 1L << 30)
            ? null
            : CliParsing.Error("--max-memory-mb", MaxMemoryMb, "must be a whole number of megabytes from 1 to 1073741824");
        var arrivals = Arrivals is not null && string.IsNullOrWhiteSpace(Arrivals) ? CliParsing.Error("--arrivals", Arrivals, "must name a file") : null;
        return FirstError(CliParsing.CheckRequired("scenario.json", ScenarioFile), replications, seed, horizon, warmUp, mode, output, maxEvents, maxMemory, arrivals);
    }

    /// <summary>The scenario files' duration syntax: [d.]hh:mm:ss, invariant.</summary>
    public static bool TryDuration(string text, out TimeSpan value) =>
        TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value);
}
