using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;
using SupportQueue.Client.Cli;
using SupportQueue.LoadTests.Commands;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Cli;

/// <summary>Builds and runs the <c>loadtests</c> command tree (Spectre.Console.Cli, like the client). Tests run it with recording consoles.</summary>
public static class LoadTestsCli
{
    public const string ApplicationName = "loadtests";

    public static async Task<int> RunAsync(IEnumerable<string> args, LoadConsoles consoles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        var list = args.ToList();

        // Spectre.Console.Cli hands a trailing valued option a placeholder instead of refusing it; say what is missing.
        if (list is [.., var last] && last.StartsWith('-') && last is not ("--no-live" or "--help" or "-h" or "--version" or "-v"))
        {
            await consoles.Error.WriteLineAsync($"error: {Printable(last)}: missing value").ConfigureAwait(false);
            return LoadExitCodes.BadInput;
        }

        var services = new ServiceCollection();
        services.AddSingleton(consoles);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config => Configure(config, consoles));
        return await app.RunAsync(list, cancellationToken).ConfigureAwait(false);
    }

    private static void Configure(IConfigurator config, LoadConsoles consoles)
    {
        config.SetApplicationName(ApplicationName);
        config.ConfigureConsole(consoles.Ansi);
        config.SetHelpProvider(new FooterHelpProvider(config.Settings));
        config.CancellationExitCode(LoadExitCodes.Cancelled);
        config.SetExceptionHandler((ex, _) => HandleError(ex, consoles));
        config.UseStrictParsing();

        config.AddCommand<RunCommand>("run")
            .WithDescription("One load run against in-process silos or a running cluster: a flat rate, or a seasonal week compressed into wall time. " +
                "Writes report.md, report.html and CSVs to --out.")
            .WithExample("run", "--rate", "300", "--duration", "30s", "--threshold", "p99 submit->assign < 20ms", "--out", "out/run")
            .WithExample("run", "--rate", "400", "--seasonal-week-in", "60s", "--roster", "follow", "--patience", "6")
            .WithExample("run", "--gateway", "30000", "--rate", "100", "--duration", "30s");
        config.AddCommand<ScaleCommand>("scale")
            .WithDescription("The same load on 1, 2 and 4 in-process silos, then 2 silos with a third joining at 1/3 and one killed at 2/3.")
            .WithExample("scale", "--rate", "300", "--out", "out/scale");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("The same arrivals (same seed) under two or more policies on fresh clusters, over --seeds seeds: per-run reports, " +
                "paired differences with 95% intervals and verdicts (comparison.md, .csv, .html, summary.json in --out).")
            .WithExample("compare", "--policy", "current.json", "--policy", "candidate.json", "--seeds", "3", "--rate", "200", "--duration", "20s");
        config.AddCommand<BenchCommand>("bench")
            .WithDescription("Steps the arrival rate on fresh in-process silos until one collapses; a rate holds when p99 submit->assign stays within --limit-ms.")
            .WithExample("bench", "--rates", "250,500,1000,1500,2000", "--out", "out/bench");
        config.AddCommand<BacklogCommand>("backlog")
            .WithDescription("An outage on one in-process silo: tickets at a steady rate on one desk with no agent; submit latency (from the intended start), " +
                "working set, GC heap and activations per --step tickets, then the heap retained per open ticket.")
            .WithExample("backlog", "--tickets", "300000", "--rate", "2000", "--step", "100000");
        config.AddCommand<HttpCostCommand>("http-cost")
            .WithDescription("CPU and allocations per POST /tickets on fresh in-process silos: the bare REST endpoints, then with keys and the rate limiter, " +
                "metrics, and the live views (the Dashboard without its call profiler); the medians and what each part adds.")
            .WithExample("http-cost", "--requests", "20000", "--rounds", "3");
        config.AddCommand<SimulateBenchCommand>("simulate-bench")
            .WithDescription("Fast-mode simulation speed on M/M/50, one replication on one thread; no cluster.")
            .WithExample("simulate-bench", "--customers", "1000000", "--runs", "3");
        config.AddCommand<GrainSimCommand>("grain-sim")
            .WithDescription("Grain-mode simulation throughput on M/M/c, checked against fast mode ticket by ticket (exit 1 when they differ).")
            .WithExample("grain-sim", "20000", "50");
        config.AddCommand<CapacityProbeCommand>("capacity-probe")
            .WithDescription("Orleans' CPU per call and per activation on one silo set up as grain mode's.")
            .WithExample("capacity-probe", "200000", "20000");
        config.AddCommand<PgBenchCommand>("pg-bench")
            .WithDescription("Live routing on PostgreSQL storage and clustering, stepping the rate.")
            .WithExample("pg-bench", "250,500,1000", "20");
    }

    /// <summary>Maps every failure to one line on the error stream and an exit code; no stack traces for expected errors.</summary>
    internal static int HandleError(Exception ex, LoadConsoles consoles)
    {
        switch (ex)
        {
            case UsageException or ThresholdFormatException or SupportQueue.Core.Model.SupportQueueException:
                consoles.Error.WriteLine($"error: {Printable(ex.Message)}");
                return LoadExitCodes.BadInput;
            case ClusterUnreachableException:
                consoles.Error.WriteLine($"error: {Printable(ex.Message)}");
                return LoadExitCodes.ClusterUnavailable;
            case CommandAppException app:
                consoles.Error.WriteLine($"error: {Printable(app.Message)}");
                return LoadExitCodes.BadInput;
            case OperationCanceledException:
                consoles.Error.WriteLine("cancelled");
                return LoadExitCodes.Cancelled;
            default:
                consoles.Error.WriteLine($"error: unexpected {ex.GetType().Name}: {Printable(ex.Message)}");
                return LoadExitCodes.ThresholdFailed;
        }
    }

    /// <summary>
    /// Errors quote arguments and the lines of refused files: their control characters (an ANSI
    /// escape, a carriage return) are shown as \u001B, not obeyed by the terminal. Line breaks stay.
    /// </summary>
    internal static string Printable(string text) =>
        text.Any(c => char.IsControl(c) && c != '\n')
            ? string.Concat(text.Select(c => char.IsControl(c) && c != '\n' ? FormattableString.Invariant($"\\u{(int)c:X4}") : c.ToString()))
            : text;

    /// <summary>Adds what the exit codes mean to every help page.</summary>
    private sealed class FooterHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
    {
        public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
        [
            .. base.GetFooter(model, command),
            new Rows(Text.Empty, new Markup("[yellow]EXIT CODES:[/]")),
            new Padder(
                new Markup(Markup.Escape("0 passed, 1 a threshold failed, 2 bad input, 3 no cluster answered, 4 invariant violated (a ticket lost, " +
                    "held twice or inconsistent), 130 cancelled (the reports of the run so far are still written)")),
                new Padding(4, 0, 0, 0)),
        ];
    }
}
