using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SupportQueue.LoadTests.Live;

/// <summary>Spectre.Console live table, refreshed about once a second while a run is going.</summary>
internal static class LiveConsoleView
{
    /// <summary>
    /// Live rendering rewrites the terminal in place, which garbles logs and CI output, so it needs an
    /// interactive terminal and no CI marker.
    /// </summary>
    public static bool CanRender =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && AnsiConsole.Profile.Capabilities.Interactive;

    public static Task RunAsync(Func<LiveSnapshot?> latest, CancellationToken stop) =>
        AnsiConsole.Live(Build(null)).AutoClear(false).StartAsync(async ctx =>
        {
            while (!stop.IsCancellationRequested)
            {
                ctx.UpdateTarget(Build(latest()));
                ctx.Refresh();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            ctx.UpdateTarget(Build(latest()));
            ctx.Refresh();
        });

    internal static IRenderable Build(LiveSnapshot? s)
    {
        if (s is null)
        {
            return new Markup("[grey]starting…[/]");
        }

        var header = new Markup(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{s.Elapsed.TotalSeconds:0}s[/] / {s.Planned.TotalSeconds:0}s   CPU {s.CpuPercent:0}%"));

        var scenarios = new Table().Border(TableBorder.Rounded).Title("scenarios");
        scenarios.AddColumns("scenario", "starts/s", "in flight", "started");
        foreach (var r in s.Scenarios)
        {
            scenarios.AddRow(
                Markup.Escape(r.Name),
                r.StartsPerSecond.ToString("0.#", CultureInfo.InvariantCulture),
                r.InFlight.ToString(CultureInfo.InvariantCulture),
                r.Started.ToString(CultureInfo.InvariantCulture));
        }

        var operations = new Table().Border(TableBorder.Rounded).Title("operations");
        operations.AddColumns("operation", "count", "rps (last)", "p99 so far (ms)", "errors");
        foreach (var r in s.Operations)
        {
            operations.AddRow(
                Markup.Escape(r.Name),
                r.Count.ToString(CultureInfo.InvariantCulture),
                r.LastRps.ToString("0.#", CultureInfo.InvariantCulture),
                r.P99Ms.ToString("0.##", CultureInfo.InvariantCulture),
                r.Errors == 0 ? "0" : $"[red]{r.Errors.ToString(CultureInfo.InvariantCulture)}[/]");
        }

        return new Rows(header, scenarios, operations);
    }
}
