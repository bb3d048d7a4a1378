using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.History;
using SupportQueue.Core.Simulation;
using SupportQueue.Grains.Simulation;
using SupportQueue.Json;

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

        if (Out is not null && string.IsNullOrWhiteSpace(Out))
        {
            output = CliParsing.Error("--out", Out, "must name a directory");
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

/// <summary>
/// Runs a staffing simulation in virtual time and writes its reports. The scenario is read and
/// checked before anything starts, so a bad file costs no silo start-up.
/// </summary>
public sealed class SimulateCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<SimulateSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        if (!TryLoad(settings, out var scenario, out var source))
        {
            return ExitCodes.BadInput;
        }

        var directory = settings.Out ?? SimulationOutput.DefaultDirectory(Directory.GetCurrentDirectory(), scenario.Name, startedAt);
        var api = await ConnectAsync(settings, cancellationToken);
        Out.MarkupLine(
            $"Simulating [bold]{Render.Esc(scenario.Name)}[/]: {Render.Esc(ReportFormat.Time(scenario.Start))} + {Render.Esc(ReportFormat.Duration(scenario.Horizon))}, " +
            $"{scenario.Replications.ToString(CultureInfo.InvariantCulture)} replication(s), seed {scenario.Seed.ToString(CultureInfo.InvariantCulture)}, {settings.SimulationMode.ToString().ToLowerInvariant()} mode");

        SimulationSummary summary;
        try
        {
            summary = await Out.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("replications done", maxValue: scenario.Replications);
                    var report = new CallbackProgress<SimulationProgress>(p => task.Value = Math.Max(task.Value, Math.Max(p.Completed, p.Done)));
                    var result = await SimulationClient.RunAsync(api.Grains, scenario, settings.SimulationMode, report, cancellationToken, settings.Budget);
                    task.Value = scenario.Replications;
                    return result;
                });
        }
        catch (NotSupportedException ex)
        {
            Consoles.WriteError($"--mode {settings.Mode}: not available on this cluster: {ex.Message}");
            return ExitCodes.Failed;
        }

        var results = new SimulationResults(scenario, summary, settings.SimulationMode.ToString().ToLowerInvariant(), DateTimeOffset.UtcNow);
        SimulationConsole.Render(Out, results);
        var paths = SimulationOutput.Write(directory, results, source);
        Out.MarkupLine($"Wrote {paths.Count.ToString(CultureInfo.InvariantCulture)} files to [bold]{Render.Esc(Path.GetFullPath(directory))}[/]: {Render.Esc(string.Join(", ", paths.Select(Path.GetFileName)))}");
        Out.MarkupLine($"Report: {Render.Esc(Path.Combine(Path.GetFullPath(directory), "report.html"))}");
        return ExitCodes.Ok;
    }

    /// <summary>Reads, parses and checks the scenario and applies the overrides; reports every problem found.</summary>
    private bool TryLoad(SimulateSettings settings, out Scenario scenario, out string source)
    {
        scenario = null!;
        source = "";
        var path = settings.ScenarioFile;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            Consoles.WriteError(CliParsing.Error("scenario.json", path, reason));
            return false;
        }

        var read = ScenarioJson.Read(source, Path.GetDirectoryName(Path.GetFullPath(path)));
        if (read.Value is not { } parsed)
        {
            Consoles.WriteErrors($"{path}: invalid scenario, nothing was run", read.Errors);
            return false;
        }

        if (settings.Replications is not null)
        {
            parsed = parsed with { Replications = int.Parse(settings.Replications, CultureInfo.InvariantCulture) };
        }

        if (settings.Seed is not null)
        {
            parsed = parsed with { Seed = ulong.Parse(settings.Seed, CultureInfo.InvariantCulture) };
        }

        if (settings.Horizon is not null && SimulateSettings.TryDuration(settings.Horizon, out var horizon))
        {
            parsed = parsed with { Horizon = horizon };
        }

        if (settings.WarmUp is not null && SimulateSettings.TryDuration(settings.WarmUp, out var warmUp))
        {
            parsed = parsed with { WarmUp = warmUp };
        }

        if (settings.Arrivals is { } arrivals)
        {
            if (ArrivalsFile.Read(arrivals, parsed.Desk, out var trace) is { } problems)
            {
                Consoles.WriteErrors($"{arrivals}: invalid ticket history, nothing was run", problems);
                return false;
            }

            parsed = ArrivalReplay.Prepare(parsed, trace);
            ArrivalsFile.RenderSources(Out, parsed);
        }

        if (parsed.Validate() is { Count: > 0 } errors)
        {
            Consoles.WriteErrors($"{path}: invalid scenario, nothing was run", errors);
            return false;
        }

        // Before any silo starts: a scenario too big for the budget is refused, naming what drives it.
        var concurrent = settings.SimulationMode == SimulationMode.Grains ? 1 : SimulationClient.MaxConcurrent;
        if (WorkEstimate.Of(parsed, concurrent).Check(settings.Budget) is { Count: > 0 } over)
        {
            Consoles.WriteErrors($"{path}: too big to simulate within the work budget, nothing was run", over);
            return false;
        }

        scenario = parsed;
        return true;
    }

    /// <summary>Reports on the caller's thread at once; <see cref="Progress{T}"/> would post late, after the bar is gone.</summary>
    private sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
