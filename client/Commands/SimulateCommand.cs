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
        IReadOnlyList<string> paths;
        try
        {
            paths = SimulationOutput.Write(directory, results, source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Consoles.WriteError(CliParsing.WriteFailed("--out", directory, ex));
            return ExitCodes.BadInput;
        }

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
        var (text, error) = TextFile.Read(path, "scenario.json");
        if (text is null)
        {
            Consoles.WriteError(error!);
            return false;
        }

        source = text;

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
            if (ArrivalsFile.Read("--arrivals", arrivals, parsed.Desk, out var trace) is { } problems)
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
