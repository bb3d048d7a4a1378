using System.Globalization;
using SupportQueue.Core.Comparison;
using SupportQueue.Grains;
using SupportQueue.Hosting;
using SupportQueue.LoadTests.Orleans;
using SupportQueue.LoadTests.Reports;
using SupportQueue.LoadTests.Runner;
using SupportQueue.LoadTests.Scenarios;
using SupportQueue.Reporting.Comparison;

namespace SupportQueue.LoadTests.Cli;

/// <summary>The commands: run, scale, compare, bench.</summary>
public static class LoadCommands
{
    public static async Task<int> ExecuteAsync(LoadOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        return options.Command switch
        {
            "run" => await RunAsync(options, console, cancellationToken).ConfigureAwait(false),
            "scale" => await ScaleAsync(options, console, cancellationToken).ConfigureAwait(false),
            "compare" => await CompareAsync(options, console, cancellationToken).ConfigureAwait(false),
            "bench" => await BenchAsync(options, console, cancellationToken).ConfigureAwait(false),
            _ => throw new UsageException($"unknown command: '{options.Command}'"),
        };
    }

    private static async Task<int> RunAsync(LoadOptions o, TextWriter console, CancellationToken ct)
    {
        await using var cluster = await OpenClusterAsync(o, o.Silos, ct).ConfigureAwait(false);
        var record = await RunOneAsync(o, cluster, "run", o.Out, disrupt: null, ct).ConfigureAwait(false);
        await console.WriteLineAsync(OrleansReport.RunSummary(record)).ConfigureAwait(false);
        await console.WriteLineAsync($"report: {Path.Combine(o.Out, LoadReport.FileNames.Markdown)}").ConfigureAwait(false);
        return record.ExitCode;
    }

    private static async Task<int> ScaleAsync(LoadOptions o, TextWriter console, CancellationToken ct)
    {
        var records = new List<OrleansRunRecord>();
        foreach (var silos in new[] { 1, 2, 4 })
        {
            await console.WriteLineAsync($"scale: {silos} silo(s)").ConfigureAwait(false);
            await using var cluster = await OpenClusterAsync(o, silos, ct).ConfigureAwait(false);
            records.Add(await RunOneAsync(o, cluster, $"{silos} silo(s)", Path.Combine(o.Out, $"silos-{silos}"), disrupt: null, ct).ConfigureAwait(false));
        }

        await console.WriteLineAsync("scale: 2 silos, one joins at 1/3, one is killed at 2/3").ConfigureAwait(false);
        await using (var cluster = await OpenClusterAsync(o, 2, ct).ConfigureAwait(false))
        {
            records.Add(await RunOneAsync(o, cluster, "2 silos, +1 joins, 1 killed", Path.Combine(o.Out, "churn"), ChurnAsync, ct).ConfigureAwait(false));
        }

        var table = OrleansReport.ScaleTable(records);
        await WriteSummaryAsync(o.Out, "Silo scaling", table, records).ConfigureAwait(false);
        await console.WriteLineAsync(table).ConfigureAwait(false);
        return records.Max(r => r.ExitCode);
    }

    private static async Task<int> CompareAsync(LoadOptions o, TextWriter console, CancellationToken ct)
    {
        var policies = o.PolicyFiles;
        var records = new List<OrleansRunRecord>();
        var samples = new List<PolicySample>();
        for (var k = 0; k < o.Seeds; k++)
        {
            // Replication k of the scenario's seed drives arrivals and ticket attributes, as in the
            // simulator's compare: every policy sees the same stream on it.
            foreach (var policy in policies)
            {
                await console.WriteLineAsync($"compare: policy {policy.Name}, replication {k.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
                var run = o with { Replication = k, PolicyFiles = [policy] };
                await using var cluster = await OpenClusterAsync(run, o.Silos, ct).ConfigureAwait(false);
                var record = await RunOneAsync(run, cluster, $"policy {policy.Name} replication {k.ToString(CultureInfo.InvariantCulture)}", Path.Combine(o.Out, $"policy-{policy.Name}", $"replication-{k.ToString(CultureInfo.InvariantCulture)}"), disrupt: null, ct).ConfigureAwait(false);
                records.Add(record);
                samples.Add(LiveComparison.Sample(policy.Name, (ulong)k, record));
            }
        }

        var comparison = PolicyComparison.Compare([.. policies.Select(p => p.Name)], LiveComparison.Tiers(records[0]), samples);
        var failures = o.PolicyThresholds.SelectMany(t => t.Failures(comparison)).ToList();
        var setup = new List<string>
        {
            $"policies: {string.Join(", ", policies.Select(p => p.Name))}; baseline {policies[0].Name}",
            $"replications: {string.Join(", ", comparison.Seeds)} of seed {o.Scenario.Seed} (same tickets for every policy on a replication)",
            $"cluster: {records[0].Info.Cluster}; load: {records[0].Info.Load}",
            "per tier from the tickets' histories (a queue visit belongs to the tier it waited in; tickets still waiting past the threshold at the audit count as misses), " +
                "occupancy = busy ÷ staffed slot time from the roster, times in simulated minutes; p99 submit->assign in wall ms by the tier that answered first; \"desk\": the whole desk",
        };
        Directory.CreateDirectory(o.Out);
        foreach (var (name, text) in PolicyComparisonReport.Render(comparison, "Policy comparison (live cluster)", setup, failures))
        {
            await File.WriteAllTextAsync(Path.Combine(o.Out, name), text, ct).ConfigureAwait(false);
        }

        var table = OrleansReport.CompareTable(records);
        await WriteSummaryAsync(o.Out, "Escalation policy comparison", table, records).ConfigureAwait(false);
        await console.WriteLineAsync(table).ConfigureAwait(false);
        foreach (var verdict in comparison.Verdicts())
        {
            await console.WriteLineAsync(verdict).ConfigureAwait(false);
        }

        foreach (var failure in failures)
        {
            await console.WriteLineAsync($"threshold failed: {failure}").ConfigureAwait(false);
        }

        await console.WriteLineAsync($"comparison: {Path.Combine(o.Out, PolicyComparisonReport.FileNames.Markdown)}").ConfigureAwait(false);
        return Math.Max(records.Max(r => r.ExitCode), failures.Count > 0 ? LoadExitCodes.ThresholdFailed : LoadExitCodes.Passed);
    }

    private static async Task<int> BenchAsync(LoadOptions o, TextWriter console, CancellationToken ct)
    {
        var records = new List<OrleansRunRecord>();
        foreach (var rate in o.Rates)
        {
            await console.WriteLineAsync($"bench: {rate.ToString(CultureInfo.InvariantCulture)}/s on {o.Silos} silo(s)").ConfigureAwait(false);
            // The same scenario at each rate: only the time compression changes.
            var step = o with { Rate = rate, Compress = null, WeekIn = null };
            await using var cluster = await OpenClusterAsync(step, o.Silos, ct).ConfigureAwait(false);
            var record = await RunOneAsync(step, cluster, $"{rate.ToString(CultureInfo.InvariantCulture)}/s", Path.Combine(o.Out, $"rate-{rate.ToString(CultureInfo.InvariantCulture)}"), disrupt: null, ct).ConfigureAwait(false);
            records.Add(record);
            await console.WriteLineAsync(OrleansReport.RunSummary(record)).ConfigureAwait(false);
            // On a shared machine one step can miss by a little and the next one pass, so only a
            // collapse (a backlog that no longer clears) ends the stepping.
            if (OrleansReport.Collapsed(record, o.LimitMs))
            {
                break;
            }
        }

        var table = OrleansReport.BenchTable(records, o.LimitMs);
        await WriteSummaryAsync(o.Out, "Sustainable arrival rate", table, records).ConfigureAwait(false);
        await console.WriteLineAsync(table).ConfigureAwait(false);
        return records.Any(r => !r.Invariants.Passed) ? LoadExitCodes.InvariantViolated : LoadExitCodes.Passed;
    }

    /// <summary>Runs one configuration against an open cluster, audits it, and writes its reports into <paramref name="outDir"/>.</summary>
    public static async Task<OrleansRunRecord> RunOneAsync(
        LoadOptions o,
        LoadCluster cluster,
        string label,
        string outDir,
        Func<LoadCluster, OrleansLoadTarget, TimeSpan, List<string>, Task>? disrupt,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(cluster);
        if (o.Warmup > TimeSpan.Zero)
        {
            await WarmUpAsync(o, cluster, ct).ConfigureAwait(false);
        }

        var (workload, load) = Plan(o, cluster);
        var during = workload.During;
        var runTag = $"{label.Split(' ')[0].Replace('/', '-')}-{o.Replication}-{Guid.NewGuid().ToString("N")[..6]}";
        var target = new OrleansLoadTarget(cluster, workload, runTag, o.PollInterval, o.AllSignedIn);
        var settings = new LoadRunSettings
        {
            RunName = label,
            Scenarios = [target.Arrivals(), target.Agents(during + o.Tail)],
            Thresholds = o.Thresholds,
            LiveView = o.Live,
        };
        var events = new List<string>();
        var runTask = LoadRunner.RunAsync(settings, target, ct);
        var disruption = disrupt is null ? Task.CompletedTask : disrupt(cluster, target, during, events);
        var result = await runTask.ConfigureAwait(false);
        await disruption.ConfigureAwait(false);
        var (invariants, outcome) = await target.AuditAsync(ct).ConfigureAwait(false);
        var info = new OrleansRunInfo(
            cluster.Description, target.DeskId, workload, load, target.AssignmentObservation,
            target.AbandonedByPatience, target.PatienceTooLate,
            new Dictionary<string, long>(target.ReceivedBySilo, StringComparer.Ordinal), target.LastActivations, events)
        {
            MessagesMeasured = cluster.Messages is not null,
            LoadAverage = Measurement.MachineLoad.OneMinute(),
        };
        var p99ByTier = workload.TierNames.ToDictionary(
            t => t,
            t => result.Operations.FirstOrDefault(op => op.Operation == $"{OrleansReport.SubmitToAssign}@{t}") is { Count: > 0 } op ? op.PercentileMs(99) : double.NaN,
            StringComparer.Ordinal);
        var tiers = LiveTierMeasures.From(
            target.AuditedTickets, workload, target.AgentSpecs.ToDictionary(a => a.AgentId, a => a.Tier, StringComparer.Ordinal), target.AuditedAt, cluster.GrainClock is null ? workload.TimeCompression : 1, o.AllSignedIn, p99ByTier);
        var record = new OrleansRunRecord(label, cluster.IsInProcess ? cluster.SiloCount : 0, result, invariants, outcome, info) { Tiers = tiers };
        await LoadReport.WriteAsync(result, outDir, ct).ConfigureAwait(false);
        await File.AppendAllTextAsync(Path.Combine(outDir, LoadReport.FileNames.Markdown), OrleansReport.Section(record), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDir, LoadReport.FileNames.Html), HtmlReport.Build(result, OrleansHtmlSection.Build(record), record.ExitCode), ct).ConfigureAwait(false);
        return record;
    }

    private static async Task WarmUpAsync(LoadOptions o, LoadCluster cluster, CancellationToken ct)
    {
        // The same scenario and compression (the silos' grain clock is fixed) on a stream of its own.
        var warm = o with { Duration = o.Warmup, WeekIn = null, Compress = Compression(o), Rate = 200, Replication = 1000 + o.Replication };
        var (workload, _) = Plan(warm, cluster);
        var target = new OrleansLoadTarget(cluster, workload, $"warmup-{Guid.NewGuid().ToString("N")[..6]}", o.PollInterval, o.AllSignedIn);
        await LoadRunner.RunAsync(
            new LoadRunSettings { RunName = "warm-up", Scenarios = [target.Arrivals(), target.Agents(workload.During)], LiveView = false },
            target,
            ct).ConfigureAwait(false);
    }

    /// <summary>Simulated seconds per wall second: --week-in, --compress, or the one that makes the scenario's mean arrival rate --rate per wall second.</summary>
    public static double Compression(LoadOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.WeekIn is { } weekIn ? o.Scenario.Horizon / weekIn
            : o.Compress ?? o.Rate / ScenarioWorkload.MeanArrivalsPerSecond(o.Scenario);
    }

    /// <summary>The scenario replayed by one run: its desk replaced by the (last) policy, the replication and compression chosen.</summary>
    public static (ScenarioWorkload Workload, string Description) Plan(LoadOptions o, LoadCluster? cluster)
    {
        ArgumentNullException.ThrowIfNull(o);
        var compression = Compression(o);
        if (cluster?.GrainClock is { } clock && Math.Abs(clock.Factor - compression) > 1e-9)
        {
            throw new InvalidOperationException($"The cluster's grain clock runs at {clock.Factor}x, the run needs {compression}x.");
        }

        var horizon = TimeSpan.FromTicks((long)(o.Scenario.Horizon.Ticks / compression));
        var during = o.WeekIn ?? (o.Duration < horizon ? o.Duration : horizon);
        var scenario = o.PolicyFiles.IsDefaultOrEmpty ? o.Scenario : PolicySimulation.WithPolicy(o.Scenario, o.PolicyFiles[^1]);
        var workload = new ScenarioWorkload(scenario, o.ScenarioSource, o.Replication, compression, during);
        var simulated = TimeSpan.FromMinutes(workload.SimulatedMinutes);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"scenario {scenario.Name} ({o.ScenarioSource}), replication {o.Replication} of seed {scenario.Seed}: {workload.Tickets.Count} tickets in {simulated.TotalHours:0.##} simulated h " +
            $"replayed in {during.TotalSeconds:0.#} s ({workload.Tickets.Count / during.TotalSeconds:0.#}/s)");
        return (workload, description);
    }

    private static async Task<LoadCluster> OpenClusterAsync(LoadOptions o, int silos, CancellationToken ct)
    {
        if (o.External)
        {
            var options = o.GatewayPort is { } port
                ? new SupportQueueOptions { GatewayPort = port, SiloPort = port == 11111 ? 11112 : 11111 }
                : new SupportQueueOptions { Storage = StorageKind.PostgreSQL, ConnectionString = o.ConnectionString! };
            options.ClusterId = o.ClusterId ?? options.ClusterId;
            options.ServiceId = o.ServiceId ?? options.ServiceId;
            try
            {
                return await LoadCluster.ConnectAsync(options, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // A wrong cluster id looks exactly like no cluster: the gateway refuses the client until the connect times out.
                var where = o.GatewayPort is { } p ? $"gateway 127.0.0.1:{p}" : "PostgreSQL clustering";
                throw new ClusterUnreachableException(
                    $"no cluster answered at {where} with cluster id '{options.ClusterId}' and service id '{options.ServiceId}' ({ex.GetType().Name}: {ex.Message}); " +
                    "is the silo running, and are --cluster-id/--service-id the silo's?");
            }
        }

        return o.Web is { } parts
            ? await LoadCluster.StartInProcessHttpAsync(Compression(o), parts, o.SubmitOverHttp, ct).ConfigureAwait(false)
            : await LoadCluster.StartInProcessAsync(silos, Compression(o), ct).ConfigureAwait(false);
    }

    private static async Task ChurnAsync(LoadCluster cluster, OrleansLoadTarget target, TimeSpan during, List<string> events)
    {
        var started = DateTimeOffset.UtcNow;
        string At() => $"t+{(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s";
        await Task.Delay(during / 3).ConfigureAwait(false);
        var added = await cluster.AddSiloAsync().ConfigureAwait(false);
        events.Add($"{At()}: silo {added} joined");
        await Task.Delay(during / 3).ConfigureAwait(false);
        var desk = cluster.Client.GetGrain<IDeskSchedulerGrain>(target.DeskId).GetGrainId();
        var killed = await cluster.KillSiloAsync(desk, originalSilos: 2).ConfigureAwait(false);
        events.Add($"{At()}: silo {killed} killed (no shutdown; one of the original silos, not the desk's; grain state stays in the process-wide store, as it would in a database)");
    }

    private static async Task WriteSummaryAsync(string outDir, string title, string table, IReadOnlyList<OrleansRunRecord> records)
    {
        Directory.CreateDirectory(outDir);
        var text = $"# {title}\n\n{table}\n" + string.Concat(records.Select(OrleansReport.InvariantLine));
        await File.WriteAllTextAsync(Path.Combine(outDir, "summary.md"), text).ConfigureAwait(false);
    }
}
