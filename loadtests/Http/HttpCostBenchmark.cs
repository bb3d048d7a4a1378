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
/// wall time, so other processes on a shared machine move the figures far less. Server, silo and
/// client run in this process and do the same work in every variant, so the differences between
/// variants are what the added parts cost.
/// </summary>
public static class HttpCostBenchmark
{
    /// <summary>From the bare endpoints to the silo as it runs.</summary>
    public static IReadOnlyList<(string Name, SiloWebParts Parts)> Variants { get; } =
    [
        ("bare REST API (problem details only)", SiloWebParts.ApiOnly),
        ("+ API keys, roles, rate limiter", SiloWebParts.Security),
        ("+ metrics, health", SiloWebParts.Security | SiloWebParts.Observability),
        ("+ wallboard, Orleans Dashboard (the silo as it runs)", SiloWebParts.All),
    ];

    private const string Desk = "cost";

    /// <summary>One variant on a fresh silo: <paramref name="warmup"/> unmeasured submits, then <paramref name="requests"/> measured ones.</summary>
    public static async Task<HttpCostResult> MeasureAsync(string name, SiloWebParts parts, int requests, int warmup, int concurrency, CancellationToken cancellationToken)
    {
        await using var silo = await HttpSilo.StartAsync(parts, configureSilo: null, cancellationToken).ConfigureAwait(false);
        // No agents: every ticket waits, and every variant's desk grows the same way.
        await silo.Client.GetGrain<IDeskSchedulerGrain>(Desk).Configure(ScenarioFile.Load(ScenarioFile.DefaultPath).Desk).ConfigureAwait(false);
        var submitter = new HttpSubmitter(silo.Http, await silo.CreateKeyAsync(Desk, ApiRole.Submitter, cancellationToken).ConfigureAwait(false));
        await SubmitAsync(submitter, "w", warmup, concurrency, cancellationToken).ConfigureAwait(false);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        await SubmitAsync(submitter, "m", requests, concurrency, cancellationToken).ConfigureAwait(false);
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
        text.AppendLine("| pipeline | CPU µs / request | over bare, µs | allocated KB / request | requests/s |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        var bare = Median(results.Where(r => r.Parts == SiloWebParts.ApiOnly).Select(r => r.CpuMicrosPerRequest));
        foreach (var (name, parts) in Variants)
        {
            var runs = results.Where(r => r.Parts == parts).ToList();
            var cpu = Median(runs.Select(r => r.CpuMicrosPerRequest));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {cpu:0.0} ({runs.Min(r => r.CpuMicrosPerRequest):0.0}–{runs.Max(r => r.CpuMicrosPerRequest):0.0}) | {(parts == SiloWebParts.ApiOnly ? "—" : (cpu - bare).ToString("+0.0;-0.0", CultureInfo.InvariantCulture))} | " +
                $"{Median(runs.Select(r => r.AllocatedBytesPerRequest)) / 1024:0.0} | {Median(runs.Select(r => r.RequestsPerSecond)):0} |");
        }

        return text.ToString();
    }

    private static async Task SubmitAsync(HttpSubmitter submitter, string prefix, int count, int concurrency, CancellationToken cancellationToken)
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
                var (outcome, failure) = await submitter.SubmitAsync(new TicketSpec(id, Desk, Priority.P3, [], Subject: "cost"), cancellationToken).ConfigureAwait(false);
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

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
