using System.Diagnostics;
using System.Globalization;
using System.Text;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.LoadTests.Scenarios;
using SupportQueue.Silo;
using SupportQueue.Silo.Security;

namespace SupportQueue.LoadTests.Http;

/// <summary>
/// What the silo's web pipeline costs per request: the same submits (POST /tickets, a closed loop)
/// against fresh silos with more and more of the pipeline on, timed as this process's CPU time, not
/// wall time, so other processes on a shared machine move the figures far less. A first variant
/// submits through the silo's Orleans client instead, with no HTTP at all, as plain <c>bench</c> does. Server, silo and
/// client run in this process and do the same work in every variant, so the differences between
/// variants are what the added parts cost.
/// </summary>
public static class HttpCostBenchmark
{
    /// <summary>The first variant sends no HTTP at all (the Orleans client, as plain <c>bench</c>); then from the bare endpoints to the whole pipeline (the Dashboard without its call profiler).</summary>
    public static IReadOnlyList<(string Name, SiloWebParts? Parts)> Variants { get; } =
    [
        ("Orleans client, no HTTP (as plain bench)", null),
        ("bare REST API (problem details only)", SiloWebParts.ApiOnly),
        ("+ API keys, roles, rate limiter", SiloWebParts.Security),
        ("+ metrics, health", SiloWebParts.Security | SiloWebParts.Observability),
        ("+ wallboard, Orleans Dashboard (no call profiler)", SiloWebParts.All),
    ];

    private const string Desk = "cost";

    /// <summary>One variant on a fresh silo: <paramref name="warmup"/> unmeasured submits, then <paramref name="requests"/> measured ones.</summary>
    public static async Task<HttpCostResult> MeasureAsync(string name, SiloWebParts? parts, int requests, int warmup, int concurrency, CancellationToken cancellationToken)
    {
        await using var silo = await HttpSilo.StartAsync(parts ?? SiloWebParts.ApiOnly, configureSilo: null, cancellationToken).ConfigureAwait(false);
        // No agents: every ticket waits, and every variant's desk grows the same way.
        await silo.Client.GetGrain<IDeskSchedulerGrain>(Desk).Configure(ScenarioFile.Load(ScenarioFile.DefaultPath).Desk).ConfigureAwait(false);
        Func<TicketSpec, Task<(Orleans.SubmitOutcome, string?)>> submit;
        if (parts is null)
        {
            submit = async ticket =>
            {
                await silo.Client.Ticket(ticket.TicketId).Submit(ticket).ConfigureAwait(false);
                return (Orleans.SubmitOutcome.Stored, null);
            };
        }
        else
        {
            var submitter = new HttpSubmitter(silo.Http, await silo.CreateKeyAsync(Desk, ApiRole.Submitter, cancellationToken).ConfigureAwait(false));
            submit = ticket => submitter.SubmitAsync(ticket, cancellationToken);
        }

        await SubmitAsync(submit, "w", warmup, concurrency).ConfigureAwait(false);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        await SubmitAsync(submit, "m", requests, concurrency).ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        return new HttpCostResult(
            name, parts, requests, used.TotalMicroseconds / requests,
            (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)requests, requests / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every variant, <paramref name="rounds"/> times, the order turned each round so drift spreads over all of them.</summary>
    public static async Task<IReadOnlyList<HttpCostResult>> RunAsync(int requests, int warmup, int concurrency, int rounds, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        // One unmeasured run of every variant first: the JIT's tiered code for every path is in place
        // before anything is timed (otherwise the first runs pay for it; measured: 2-4x the later ones).
        foreach (var (name, parts) in Variants)
        {
            var warm = await MeasureAsync(name, parts, requests, warmup, concurrency, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warm-up, not counted: {name}: {warm.CpuMicrosPerRequest:0.0} µs CPU per request")).ConfigureAwait(false);
        }

        var results = new List<HttpCostResult>();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < Variants.Count; k++)
            {
                var (name, parts) = Variants[(k + round) % Variants.Count];
                var result = await MeasureAsync(name, parts, requests, warmup, concurrency, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}: {name}: {result.CpuMicrosPerRequest:0.0} µs CPU, {result.AllocatedBytesPerRequest / 1024:0.0} KB allocated per request, {result.RequestsPerSecond:0}/s")).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary>Median per variant over the rounds, and what each adds over the bare endpoints.</summary>
    public static string Table(IReadOnlyList<HttpCostResult> results, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"POST /tickets, {results[0].Requests} measured per run, {concurrency} in flight; median of {results.Count / Variants.Count} run(s) per variant (range)");
        text.AppendLine();
        text.AppendLine("| pipeline | CPU µs / request | over bare endpoints, µs | over the Orleans client, µs | allocated KB / request | requests/s |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        var bare = Median(results.Where(r => r.Parts == SiloWebParts.ApiOnly).Select(r => r.CpuMicrosPerRequest));
        var orleans = Median(results.Where(r => r.Parts is null).Select(r => r.CpuMicrosPerRequest));
        foreach (var (name, parts) in Variants)
        {
            var runs = results.Where(r => r.Parts == parts).ToList();
            var cpu = Median(runs.Select(r => r.CpuMicrosPerRequest));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {cpu:0.0} ({runs.Min(r => r.CpuMicrosPerRequest):0.0}–{runs.Max(r => r.CpuMicrosPerRequest):0.0}) | {(parts is null or SiloWebParts.ApiOnly ? "—" : Delta(cpu - bare))} | {(parts is null ? "—" : Delta(cpu - orleans))} | " +
                $"{Median(runs.Select(r => r.AllocatedBytesPerRequest)) / 1024:0.0} | {Median(runs.Select(r => r.RequestsPerSecond)):0} |");
        }

        return text.ToString();
    }

    private static async Task SubmitAsync(Func<TicketSpec, Task<(Orleans.SubmitOutcome Outcome, string? Failure)>> submit, string prefix, int count, int concurrency)
    {
        var next = -1;
        var failures = 0;
        string? firstFailure = null;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var id = $"{prefix}-{Guid.NewGuid():N}";
                var (outcome, failure) = await submit(new TicketSpec(id, Desk, Priority.P3, [], Subject: "cost")).ConfigureAwait(false);
                if (outcome != Orleans.SubmitOutcome.Stored)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        })).ConfigureAwait(false);
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {count} submits failed (first: {firstFailure}); the figures would not be per stored ticket");
        }
    }

    private static string Delta(double micros) => micros.ToString("+0.0;-0.0", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
