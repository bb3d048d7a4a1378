using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Hosting;
using SupportQueue.Hosting.Database;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Postgres;

/// <summary>
/// Live routing with PostgreSQL persistence on this machine: one silo in this process, tickets
/// submitted open-loop at fixed rates (each at its intended start time, so a slow system cannot
/// slow the load down and hide its own latency), synthetic agents resolving what they hold.
/// Latency is measured from the intended start; the assignment time is the one the ticket grain
/// recorded in its history (same machine, same clock).
/// </summary>
/// <remarks>
/// Usage: <c>pg-bench [rates, comma-separated = 250,500,1000] [seconds per rate = 20] [connection string]</c> (<see cref="Commands.PgBenchCommand"/>).
/// Without a connection string a throwaway PostgreSQL 15 is started and removed afterwards.
/// </remarks>
internal static class PostgresBenchmark
{
    // Agents take a handful of tickets each, as real ones do. Each agent grain handles its offers and
    // releases one at a time, each with two storage writes; 40 agents of capacity 25 made them the
    // queue (measured: p50 submit->assign 140 ms-1.8 s at 500/s, against 37-59 ms with 200 x 5).
    private const int Agents = 200;
    private const int AgentCapacity = 5;
    private const int ResolveWorkers = 40;
    private static readonly TimeSpan _drainTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<int> rates, int seconds, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ThrowawayPostgres? server = null;
        if (connectionString is null)
        {
            server = await ThrowawayPostgres.StartAsync("pass a connection string as the third argument");
            connectionString = server.ConnectionString;
            Console.WriteLine("throwaway PostgreSQL 15 (fsync off, synchronous_commit off) on 127.0.0.1:" + new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Port);
        }

        try
        {
            await PostgresMigrator.MigrateAsync(connectionString);
            var options = new SupportQueueOptions
            {
                Storage = StorageKind.PostgreSQL,
                ConnectionString = connectionString,
                ClusterId = "pg-bench-" + Guid.NewGuid().ToString("N")[..8],
                SiloPort = ThrowawayPostgres.FreePort(),
                GatewayPort = ThrowawayPostgres.FreePort(),
            };
            options.ServiceId = options.ClusterId;
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            // Agents learn of their assignments from the silo's assignment observer, as the live load
            // tests do, instead of polling their grains (which put ~800 extra calls/s on the silo).
            var feed = new AssignmentFeed();
            builder.UseOrleans(silo =>
            {
                silo.UseSupportQueue(options);
                silo.Services.AddSingleton<IAssignmentObserver>(feed);
            });
            using var host = builder.Build();
            using (var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                await host.StartAsync(startTimeout.Token);
            }

            var grains = host.Services.GetRequiredService<IGrainFactory>();
            Console.WriteLine($"one silo, {Environment.ProcessorCount} cores, {Agents} agents x capacity {AgentCapacity} at L1, agents resolve each assignment as soon as the silo reports it");

            // Warm-up: JIT (tiered compilation needs sustained calls), connection pools, prepared
            // statements, grain types; not reported. A short trickle left the first measured step
            // visibly slower than the same rate measured again.
            await RunRateAsync(grains, feed, "warmup", 250, 10, quiet: true);
            var exitCode = 0;
            foreach (var rate in rates)
            {
                var result = await RunRateAsync(grains, feed, $"rate-{rate}", rate, seconds, quiet: false);
                exitCode = Math.Max(exitCode, result);
            }

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.StopAsync(stopTimeout.Token);
            return exitCode;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunRateAsync(IGrainFactory grains, AssignmentFeed feed, string name, int rate, int seconds, bool quiet)
    {
        var desk = $"{name}-{Guid.NewGuid():N}"[..24];
        await grains.GetGrain<IDeskSchedulerGrain>(desk).Configure(DeskSettings.Default);
        var agentIds = Enumerable.Range(1, Agents).Select(i => $"{desk}-a{i}").ToList();
        await Task.WhenAll(agentIds.Select(async id =>
        {
            await grains.Agent(id).Register(new AgentSpec(id, desk, "L1", [], AgentCapacity));
            await grains.Agent(id).SetPresence(Presence.Available);
        }));

        var agentErrors = 0L;
        var work = Channel.CreateUnbounded<(string TicketId, string AgentId)>();
        feed.Subscribe((ticketId, agentId) => work.Writer.TryWrite((ticketId, agentId)));
        var agentLoops = Enumerable.Range(0, ResolveWorkers)
            .Select(_ => Task.Run(() => ResolveLoopAsync(grains, work.Reader, () => Interlocked.Increment(ref agentErrors))))
            .ToList();

        var loadBefore = LoadAverage();
        var total = rate * seconds;
        var intended = new DateTimeOffset[total];
        var submitted = new ConcurrentDictionary<string, DateTimeOffset>();
        var submitLatencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var submits = new List<Task>(total);
        var anchor = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var next = 0;
        while (next < total)
        {
            var due = TimeSpan.FromSeconds((double)next / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            // Everything whose intended time has come goes out now, so a late wake-up does not thin the load.
            var now = clock.Elapsed;
            while (next < total && TimeSpan.FromSeconds((double)next / rate) <= now)
            {
                var i = next++;
                var start = anchor + TimeSpan.FromSeconds((double)i / rate);
                intended[i] = start;
                var id = $"{desk}-t{i}";
                submits.Add(SubmitAsync(grains, id, desk, start, submitted, submitLatencies, failures));
            }
        }

        var offeredFor = clock.Elapsed;
        await Task.WhenAll(submits).WaitAsync(_drainTimeout);
        var submitDone = clock.Elapsed;

        // Drained when nothing is open on the desk any more (or the patience runs out).
        var deskGrain = grains.GetGrain<IDeskSchedulerGrain>(desk);
        var drain = Stopwatch.StartNew();
        while ((await deskGrain.GetStatus()).Open > 0 && drain.Elapsed < _drainTimeout)
        {
            await Task.Delay(100);
        }

        var loadAfter = LoadAverage();
        feed.Subscribe(null);
        work.Writer.TryComplete();
        await Task.WhenAll(agentLoops);

        var assignLatencies = new ConcurrentBag<double>();
        var assignedAt = new ConcurrentBag<DateTimeOffset>();
        var unassigned = 0;
        await Parallel.ForEachAsync(submitted, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (entry, _) =>
        {
            var ticket = await grains.Ticket(entry.Key).Get();
            if (ticket.FirstAssignedAt is { } at)
            {
                assignLatencies.Add((at - entry.Value).TotalMilliseconds);
                assignedAt.Add(at);
            }
            else
            {
                Interlocked.Increment(ref unassigned);
            }
        });

        if (quiet)
        {
            return 0;
        }

        var window = TimeSpan.FromSeconds(seconds);
        var assignedInWindow = assignedAt.Count(a => a - anchor <= window);
        var lastAssigned = assignedAt.IsEmpty ? anchor : assignedAt.Max();
        var assign = assignLatencies.Order().ToArray();
        var submit = submitLatencies.Order().ToArray();
        Console.WriteLine();
        Console.WriteLine($"== {rate} tickets/s for {seconds} s (load average before {loadBefore}, after {loadAfter})");
        Console.WriteLine($"   offered {total} in {offeredFor.TotalSeconds:0.0} s; acknowledged {submitted.Count}, failed {failures.Count}; last ack at {submitDone.TotalSeconds:0.0} s");
        Console.WriteLine($"   assigned {assign.Length} (unassigned {unassigned}); throughput {assign.Length / Math.Max((lastAssigned - anchor).TotalSeconds, seconds):0} assigned/s overall, {assignedInWindow / (double)seconds:0} /s within the {seconds} s window");
        Console.WriteLine($"   submit (intended start -> acknowledged): p50 {Percentile(submit, 0.50):0.0} ms, p99 {Percentile(submit, 0.99):0.0} ms, max {Percentile(submit, 1):0.0} ms");
        if (unassigned > 0)
        {
            Console.WriteLine($"   NOTE: {unassigned} tickets were still unassigned {_drainTimeout.TotalSeconds:0} s after the last submit; the percentiles below cover assigned tickets only, the real p99 is worse");
        }

        Console.WriteLine($"   submit -> assign (intended start -> assigned): p50 {Percentile(assign, 0.50):0.0} ms, p99 {Percentile(assign, 0.99):0.0} ms, max {Percentile(assign, 1):0.0} ms");
        Console.WriteLine($"   agent call errors {Interlocked.Read(ref agentErrors)}; goal >= 500 tickets/s at p99 <= 100 ms: {(rate >= 500 && assign.Length == total && Percentile(assign, 0.99) <= 100 ? "met" : rate < 500 ? "n/a (rate below goal)" : "NOT met")}");
        foreach (var failure in failures.Take(3))
        {
            Console.WriteLine("   failure: " + failure);
        }

        return failures.IsEmpty && unassigned == 0 ? 0 : 1;
    }

    private static async Task SubmitAsync(IGrainFactory grains, string id, string desk, DateTimeOffset intended,
        ConcurrentDictionary<string, DateTimeOffset> submitted, ConcurrentBag<double> latencies, ConcurrentBag<string> failures)
    {
        try
        {
            await grains.Ticket(id).Submit(new TicketSpec(id, desk, Priority.P3, []));
            latencies.Add((DateTimeOffset.UtcNow - intended).TotalMilliseconds);
            submitted[id] = intended;
        }
        catch (Exception ex)
        {
            failures.Add($"{id}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task ResolveLoopAsync(IGrainFactory grains, ChannelReader<(string TicketId, string AgentId)> work, Action onError)
    {
        await foreach (var (ticketId, agentId) in work.ReadAllAsync())
        {
            try
            {
                await grains.Agent(agentId).Resolve(ticketId);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                onError();
            }
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
