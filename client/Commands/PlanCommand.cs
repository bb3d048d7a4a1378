using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Client.Planning;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Model;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;
using SupportQueue.Json;
using SupportQueue.Scheduling.Planning;

namespace SupportQueue.Client.Commands;

/// <summary>
/// Plans a roster: requirement per tier and interval by simulation, shifts by CP-SAT at least
/// cost, verified by simulation with fresh seeds. The scenario and its scheduling section are
/// read and checked before anything starts, so a bad file costs no silo start-up and writes nothing.
/// </summary>
public sealed class PlanCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<PlanSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        if (Load(settings) is not { } request)
        {
            return ExitCodes.BadInput;
        }

        var scenario = request.Scenario;
        var directory = settings.Out ?? Path.Combine(Directory.GetCurrentDirectory(), "out", $"{ReportFormat.FileSafe(scenario.Name)}-plan-{startedAt.UtcDateTime:yyyyMMdd-HHmmss}");
        var api = await ConnectAsync(settings, cancellationToken);
        Out.MarkupLine(
            $"Planning [bold]{Render.Esc(scenario.Name)}[/]: {Render.Esc(ReportFormat.Time(scenario.Start))} + {Render.Esc(ReportFormat.Duration(scenario.Horizon))}, " +
            $"{request.Scheduling.Templates.Length.ToString(CultureInfo.InvariantCulture)} shift template(s) for {Render.Esc(string.Join(", ", request.Scheduling.Templates.Select(t => t.Tier).Distinct()))}, " +
            $"seed {scenario.Seed.ToString(CultureInfo.InvariantCulture)}");

        PlanResult result;
        try
        {
            result = await Out.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var display = new PlanProgressDisplay(progress);
                    var replications = new ClusterReplications(api.Grains, cancellationToken) { Completed = display.Replication };

                    // The planner blocks on each batch of replications: it runs on a worker thread of its own.
                    var plan = await Task.Run(() => RosterPlanner.Plan(request, replications.Runner, display, cancellationToken), cancellationToken);
                    display.Complete();
                    return plan;
                });
        }
        catch (SupportQueueException ex) when (ex.Code == RefusalCode.InvalidSettings)
        {
            Consoles.WriteErrors($"{settings.ScenarioFile}: invalid scenario, nothing was planned", ex.Message.Split(Environment.NewLine).Skip(1));
            return ExitCodes.BadInput;
        }

        PlanConsole.Render(Out, result);
        IReadOnlyList<string> paths;
        try
        {
            paths = PlanOutput.Write(directory, PlanOutput.Build(request, result, DateTimeOffset.UtcNow));
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

    /// <summary>Reads and checks the scenario and its scheduling section and applies --seed; reports every problem found.</summary>
    private PlanRequest? Load(PlanSettings settings)
    {
        var path = settings.ScenarioFile;
        var (source, error) = TextFile.Read(path, "scenario.json");
        if (source is null)
        {
            Consoles.WriteError(error!);
            return null;
        }

        var read = ScenarioPlanJson.Read(source);
        if (read.Value is not { } request)
        {
            Consoles.WriteErrors($"{path}: invalid scenario, nothing was planned", read.Errors);
            return null;
        }

        if (settings.Seed is not null)
        {
            request = request with { Scenario = request.Scenario with { Seed = ulong.Parse(settings.Seed, CultureInfo.InvariantCulture) } };
        }

        // Before any silo starts: a scenario too big to simulate is refused, naming what drives it.
        if (WorkEstimate.Of(request.Scenario, Grains.Simulation.SimulationClient.MaxConcurrent).Check(WorkBudget.Default) is { Count: > 0 } over)
        {
            Consoles.WriteErrors($"{path}: too big to simulate within the work budget, nothing was planned", over);
            return null;
        }

        return request;
    }
}
