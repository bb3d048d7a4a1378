using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Simulation;
using SupportQueue.Json;
using SupportQueue.Reporting.Comparison;

namespace SupportQueue.Client.Commands;

/// <summary>
/// What-if in virtual time: the scenario's tickets under each policy, on the same seeds, with
/// paired differences against the first policy. Runs the engine in this process (like simulate's
/// fast mode) — a comparison keeps no state anywhere, so it needs no cluster.
/// </summary>
public sealed class CompareCommand(CliConsoles consoles) : AsyncCommand<CompareSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!TryLoad(settings, out var scenario, out var policies))
        {
            return ExitCodes.BadInput;
        }

        var thresholds = settings.Thresholds.Select(PolicyThreshold.Parse).ToList();
        var replications = settings.Replications is null ? Math.Max(3, scenario.Replications) : int.Parse(settings.Replications, CultureInfo.InvariantCulture);
        var output = consoles.Out;
        output.MarkupLine(
            $"Comparing {policies.Count.ToString(CultureInfo.InvariantCulture)} policies on [bold]{Markup.Escape(scenario.Name)}[/]: " +
            $"{replications.ToString(CultureInfo.InvariantCulture)} replications each, seed {scenario.Seed.ToString(CultureInfo.InvariantCulture)}, same arrivals for every policy");
        var clock = Stopwatch.StartNew();
        var comparison = await Task.Run(() => PolicySimulation.Compare(scenario, policies, replications, cancellationToken: cancellationToken), cancellationToken);
        clock.Stop();

        var failures = thresholds.SelectMany(t => t.Failures(comparison)).ToList();
        var setup = new List<string>
        {
            $"scenario: {scenario.Name} ({settings.ScenarioFile}), {scenario.Start:yyyy-MM-dd HH:mm} + {scenario.Horizon}, warm-up {scenario.WarmUp}",
            $"policies: {string.Join(", ", policies.Select((p, i) => $"{p.Name} ({settings.Policies[i]})"))}; baseline {policies[0].Name}",
            $"roster: {settings.Roster ?? "from the scenario"}",
            $"virtual time (simulator engine), {replications} replications per policy, seed {scenario.Seed}, {clock.Elapsed.TotalSeconds:0.0} s",
        };
        RenderConsole(comparison, failures, clock.Elapsed);

        var directory = settings.Out ?? DefaultDirectory(Directory.GetCurrentDirectory(), scenario.Name);
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, text) in PolicyComparisonReport.Render(comparison, $"Policy comparison (simulator): {scenario.Name}", setup, failures))
            {
                await File.WriteAllTextAsync(Path.Combine(directory, name), text, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            consoles.WriteError(CliParsing.WriteFailed("--out", directory, ex));
            return ExitCodes.BadInput;
        }

        output.MarkupLine($"Wrote comparison.md, comparison.csv, comparison.html and summary.json to [bold]{Markup.Escape(Path.GetFullPath(directory))}[/]");
        return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Where the report goes without --out: out/compare-&lt;name&gt; under the base directory, the name made file-safe.</summary>
    public static string DefaultDirectory(string baseDirectory, string scenarioName) =>
        Path.Combine(baseDirectory, "out", "compare-" + ReportFormat.FileSafe(scenarioName));

    private void RenderConsole(PolicyComparison comparison, List<string> failures, TimeSpan elapsed)
    {
        var output = consoles.Out;
        foreach (var tier in comparison.Tiers)
        {
            var table = new Table().Title(tier).AddColumn("metric");
            foreach (var policy in comparison.Policies)
            {
                table.AddColumn(new TableColumn(Markup.Escape(policy)).RightAligned());
            }

            foreach (var policy in comparison.Policies.Skip(1))
            {
                table.AddColumn(new TableColumn(Markup.Escape($"{policy} − {comparison.Baseline}")).RightAligned());
            }

            foreach (var metric in ComparisonMetric.All)
            {
                var rows = comparison.Policies.Select(p => comparison.Find(tier, metric.Key, p)).ToList();
                if (rows.Any(r => r is null))
                {
                    continue;
                }

                var cells = new List<string> { Markup.Escape($"{metric.Label} ({metric.Unit})") };
                cells.AddRange(rows.Select(r => Number(r!.Value.Mean * metric.Scale)));
                cells.AddRange(rows.Skip(1).Select(r =>
                {
                    var text = $"{Number(r!.Difference!.Value.Mean * metric.Scale)} ± {Number(r.Difference.Value.HalfWidth * metric.Scale)}";
                    return r.Significant ? $"[bold]{Markup.Escape(text)}[/]" : Markup.Escape(text);
                }));
                table.AddRow([.. cells]);
            }

            output.Write(table);
        }

        foreach (var verdict in comparison.Verdicts())
        {
            output.MarkupLine($"[bold]{Markup.Escape(verdict)}[/]");
        }

        output.MarkupLine($"(95 % CI of the paired difference over {comparison.Seeds.Length.ToString(CultureInfo.InvariantCulture)} seeds; ratios in percentage points; {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
        if (failures.Count > 0)
        {
            consoles.WriteErrors("threshold failed", failures);
        }
    }

    private static string Number(double v) => double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "–";

    /// <summary>The scenario as simulate reads it (same messages), each policy file, and the roster; every problem reported.</summary>
    private bool TryLoad(CompareSettings settings, out Scenario scenario, out List<NamedPolicy> policies)
    {
        scenario = null!;
        policies = [];
        if (ReadText("scenario.json", settings.ScenarioFile) is not { } source)
        {
            return false;
        }

        var read = ScenarioJson.Read(source);
        if (read.Value is not { } parsed)
        {
            consoles.WriteErrors($"{settings.ScenarioFile}: invalid scenario, nothing was run", read.Errors);
            return false;
        }

        var ok = true;
        if (settings.Seed is not null)
        {
            parsed = parsed with { Seed = ulong.Parse(settings.Seed, CultureInfo.InvariantCulture) };
        }

        if (settings.Roster is not null)
        {
            var text = ReadText("--roster", settings.Roster);
            var roster = text is null ? null : SupportQueueJson.Read<RosterSpec>(text);
            if (roster is null)
            {
                ok = false;
            }
            else if (roster.Value is null)
            {
                consoles.WriteErrors($"{settings.Roster}: invalid roster, nothing was run", roster.Errors);
                ok = false;
            }
            else
            {
                parsed = parsed with { Roster = roster.Value };
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in settings.Policies)
        {
            var desk = DeskSettingsJson.LoadFile(file, "--policy");
            if (desk.Value is null || !desk.IsValid)
            {
                consoles.WriteErrors($"{file}: invalid desk settings, nothing was run", desk.Errors);
                ok = false;
                continue;
            }

            // The file name is the policy's name in every report; a repeated name gets a suffix.
            var name = Path.GetFileNameWithoutExtension(file);
            for (var i = 2; !names.Add(name); i++)
            {
                name = $"{Path.GetFileNameWithoutExtension(file)}-{i.ToString(CultureInfo.InvariantCulture)}";
            }

            var policy = new NamedPolicy(name, desk.Value);
            if (ok && PolicySimulation.WithPolicy(parsed, policy).Validate() is { Count: > 0 } errors)
            {
                // E.g. the policy's tiers do not match the roster or the ticket classes.
                consoles.WriteErrors($"{file}: policy does not fit scenario {settings.ScenarioFile}, nothing was run", errors);
                ok = false;
            }

            policies.Add(policy);
        }

        scenario = parsed;
        return ok;
    }

    /// <summary>The file's text, or null after reporting why it cannot be read (as simulate does).</summary>
    private string? ReadText(string argument, string path)
    {
        var (text, error) = TextFile.Read(path, argument);
        if (error is not null)
        {
            consoles.WriteError(error);
        }

        return text;
    }
}
