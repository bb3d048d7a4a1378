using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.History;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;
using SupportQueue.Json;

namespace SupportQueue.Client.Commands;

public sealed class ScenarioFitSettings : CommandSettings
{
    [CommandArgument(0, "<history>")]
    [Description("Ticket-history export: CSV, or JSON lines for .jsonl/.ndjson (docs/ticket-history.md).")]
    public string History { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Where to write the drafted scenario (default: scenario.fitted.json in the current directory). Nothing is written when the input is refused.")]
    public string? Out { get; init; }

    [CommandOption("--base <SCENARIO>")]
    [Description("Scenario whose desk, roster and service level the draft keeps (its tiers check the history's); without it, one 24/7 group per tier sized by Erlang C.")]
    public string? Base { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(History))
        {
            return ValidationResult.Error(CliParsing.Error("history", History, "required: a ticket-history file"));
        }

        return Out is not null && CliParsing.CheckOutputFile("--out", Out) is { } output
            ? ValidationResult.Error(output)
            : ValidationResult.Success();
    }
}

/// <summary>Drafts a scenario from a ticket-history export and prints the fitted figures.</summary>
public sealed class ScenarioFitCommand(CliConsoles consoles) : AsyncCommand<ScenarioFitSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ScenarioFitSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Scenario? baseScenario = null;
        if (settings.Base is { } basePath)
        {
            var read = ScenarioJson.LoadFile(basePath, "--base");
            if (read.Value is null)
            {
                consoles.WriteErrors($"{basePath}: invalid base scenario, nothing was written", read.Errors);
                return Task.FromResult(ExitCodes.BadInput);
            }

            baseScenario = read.Value;
        }

        if (ArrivalsFile.Read("history", settings.History, baseScenario?.Desk, out var trace) is { } problems)
        {
            consoles.WriteErrors($"{settings.History}: invalid ticket history, nothing was written", problems);
            return Task.FromResult(ExitCodes.BadInput);
        }

        var fit = HistoryFit.Fit(trace, baseScenario);
        var draft = fit.Draft with { Name = Path.GetFileNameWithoutExtension(settings.History) + "-fitted" };
        if (draft.Validate() is { Count: > 0 } errors)
        {
            consoles.WriteErrors($"{settings.History}: the drafted scenario does not validate, nothing was written", errors);
            return Task.FromResult(ExitCodes.BadInput);
        }

        Render(consoles.Out, fit);
        var output = settings.Out ?? "scenario.fitted.json";
        // A default scheduling section (one all-hours shift template per tier) so the draft can be
        // planned at once; simulate ignores it. See SchedulingDraft and docs/planning.md.
        try
        {
            File.WriteAllText(output, ScenarioPlanJson.Write(draft, SchedulingDraft.For(draft)) + Environment.NewLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            consoles.WriteError(CliParsing.WriteFailed("--out", output, ex));
            return Task.FromResult(ExitCodes.BadInput);
        }

        consoles.Out.MarkupLine($"Wrote [bold]{Cli.Render.Esc(Path.GetFullPath(output))}[/] with a draft scheduling section (one shift template per tier, any hour); " +
            $"try it: supportqueue simulate {Cli.Render.Esc(output)}, or supportqueue plan {Cli.Render.Esc(output)}");
        return Task.FromResult(ExitCodes.Ok);
    }

    private static string F(double value, string format = "0.##") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static void Render(IAnsiConsole console, HistoryFitResult fit)
    {
        var draft = fit.Draft;
        console.MarkupLine($"Fitted [bold]{fit.Tickets.ToString(CultureInfo.InvariantCulture)}[/] tickets over {fit.Days.ToString(CultureInfo.InvariantCulture)} day(s).");

        var demand = new Table().Title("Demand (30-minute intervals)").AddColumn("Figure").AddColumn("Value");
        demand.AddRow("base volume (tickets per interval)", F(draft.Demand.BaseVolume ?? 0, "0.###"));
        demand.AddRow("day of week (Mon..Sun)", string.Join("  ", draft.Demand.DayOfWeek!.Select(d => F(d, "0.00"))));
        var intraday = draft.Demand.Intraday!;
        var peak = Enumerable.Range(0, intraday.Count).MaxBy(i => intraday[i]);
        demand.AddRow("intraday peak", $"{TimeSpan.FromMinutes(30 * peak):hh\\:mm} (weight {F(intraday[peak], "0.00")})");
        console.Write(demand);

        var classes = new Table().Title("Ticket classes").AddColumns("Class", "Share", "Priority", "Entry", "Skills", "Resolve", "Patience (min)");
        foreach (var c in draft.TicketClasses)
        {
            classes.AddRow(
                Cli.Render.Esc(c.Name), F(c.Share, "0.000"), c.Priority.ToString(), Cli.Render.Esc(c.EntryTier),
                Cli.Render.Esc(c.Skills.IsDefaultOrEmpty ? "-" : string.Join(";", c.Skills)),
                Cli.Render.Esc(c.Resolve is null ? "-" : string.Join(" ", c.Resolve.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {F(r.Value, "0.000")}"))),
                c.Patience?.Mean is { } mean ? F(mean) : "never");
        }

        console.Write(classes);

        var handling = new Table().Title("Handling per tier (minutes; KS distance D, smaller fits better)")
            .AddColumns("Class", "Tier", "n", "Sample mean", "Chosen", "D exponential", "D lognormal", "5 % critical D");
        foreach (var h in fit.Handling)
        {
            var chosen = h.Chosen.Kind == DistributionKind.Lognormal ? $"lognormal {F(h.Chosen.Mean!.Value)} ± {F(h.Chosen.StdDev!.Value)}" : $"exponential {F(h.Chosen.Mean!.Value)}";
            handling.AddRow(Cli.Render.Esc(h.Class), Cli.Render.Esc(h.Tier), h.Samples.ToString(CultureInfo.InvariantCulture), F(h.SampleMean),
                chosen, F(h.KsExponential, "0.000"), F(h.KsLognormal, "0.000"), h.Samples > 0 ? F(1.36 / Math.Sqrt(h.Samples), "0.000") : "-");
        }

        console.Write(handling);

        var rates = new Table().Title("Escalation after service and patience (censored by answered tickets)").AddColumns("Class", "Figure", "Events", "Exposure", "Estimate");
        foreach (var e in fit.Escalation)
        {
            rates.AddRow(Cli.Render.Esc(e.Class), $"P(escalate from {Cli.Render.Esc(e.Tier)})", e.Events.ToString(CultureInfo.InvariantCulture), $"{F(e.Exposure, "0")} services", F(e.Value, "0.000"));
        }

        foreach (var p in fit.Patience)
        {
            rates.AddRow(Cli.Render.Esc(p.Class), "mean patience (exponential MLE)", p.Events.ToString(CultureInfo.InvariantCulture), $"{F(p.Exposure, "0")} waiting minutes", $"{F(p.Value)} min");
        }

        console.Write(rates);
        foreach (var note in fit.Notes)
        {
            console.MarkupLine($"[yellow]note:[/] {Cli.Render.Esc(note)}");
        }
    }
}
