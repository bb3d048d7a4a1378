using System.Diagnostics;
using System.Globalization;
using System.Text;
using HdrHistogram;
using SupportQueue.Grains;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>
/// An outage: tickets arrive at a steady rate on one desk with no agent signed in, so every ticket stays
/// open. Per step of tickets: submit latency from the intended start (coordinated-omission corrected), the
/// garbage collector's pauses (total, longest gen0/1 and gen2) and collections, one desk status call
/// (round trip, so it includes waiting for the desk's turn), and the process's working set and GC heap. Silo, client and loader share this process; the loader's own
/// memory is a few histograms.
/// </summary>
internal static class BacklogBenchmark
{
    // Outstanding submits beyond this wait; the wait shows up as latency from the intended start.
    private const int MaxInFlight = 20_000;

    private const string Rule = "|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static async Task<int> RunAsync(long tickets, double rate, long step, string? outFile, TextWriter output, CancellationToken cancellationToken)
    {
        // Real-time grain clock: the desk's wait timeouts (10 and 20 min) do not fire during the run.
        await using var cluster = await LoadCluster.StartInProcessAsync(1, 1, cancellationToken).ConfigureAwait(false);
        var runTag = "backlog-" + Guid.NewGuid().ToString("N")[..8];
        var deskId = runTag + "-desk";
        var desk = cluster.Client.GetGrain<IDeskSchedulerGrain>(deskId);
        // One tier, no escalation rule: nobody can take a ticket, so every one stays queued.
        await desk.Configure(new Core.Model.DeskSettings { Tiers = [new("L1", TimeSpan.FromMinutes(8))] }).ConfigureAwait(false);
        var baseline = Memory(full: true);

        var segments = (int)((tickets + step - 1) / step);
        var histograms = Enumerable.Range(0, segments).Select(_ => new LongHistogram(TimeStamp.Minutes(1), 3)).ToArray();
        var pending = Enumerable.Range(0, segments).Select(s => new CountdownEvent((int)Math.Min(step, tickets - (s * step)))).ToArray();
        long failures = 0;
        using var gate = new SemaphoreSlim(MaxInFlight);
        using var gc = new BacklogGcWatch();
        var rows = new List<string>();
        var header = "| open tickets | submit p50 | p99 | p99.9 | max | GC pause (longest gen0/1, gen2) | GCs gen0/1/2 | desk status | working set | GC heap | activations | load avg |";
        output.WriteLine($"backlog: {tickets:N0} tickets at {rate:N0}/s on one desk, no agents, one in-process silo (memory storage)");
        output.WriteLine($"baseline after start: working set {baseline.WorkingSet / 1e6:N0} MB, GC heap {baseline.Heap / 1e6:N0} MB");
        output.WriteLine(header);
        output.WriteLine(Rule);

        // Rows are read off the arrival loop, in order, so a slow read never delays an arrival.
        var reporting = Task.CompletedTask;
        var start = Stopwatch.GetTimestamp();
        var ticksPerTicket = Stopwatch.Frequency / rate;
        for (long n = 0; n < tickets; n++)
        {
            var intended = start + (long)(n * ticksPerTicket);
            await WaitUntilAsync(intended, cancellationToken).ConfigureAwait(false);
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var number = n;
            var id = $"{runTag}-t{number}";
            _ = SubmitAsync(cluster.Client.Ticket(id), new Core.Model.TicketSpec(id, deskId, (Core.Model.Priority)(1 + (number % 4)), ["account"], Subject: "backlog"), intended, (int)(number / step));
            if ((n + 1) % step == 0 || n + 1 == tickets)
            {
                reporting = ReportAfterAsync(reporting, (int)(n / step), n + 1);
            }
        }

        await reporting.ConfigureAwait(false);

        var elapsed = Stopwatch.GetElapsedTime(start);
        var status = await desk.GetStatus().ConfigureAwait(false);
        var retained = Memory(full: true);
        var perTicket = (retained.Heap - baseline.Heap) / (double)tickets;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{tickets:N0} submitted in {elapsed.TotalSeconds:N1} s ({tickets / elapsed.TotalSeconds:N0}/s), {failures} failed; desk open {status.Open:N0}. " +
            $"After a full GC: working set {retained.WorkingSet / 1e6:N0} MB, GC heap {retained.Heap / 1e6:N0} MB, " +
            $"{perTicket:N0} B retained per open ticket (extrapolated to 1,000,000: {(baseline.Heap + (perTicket * 1_000_000)) / 1e9:N2} GB heap).");
        output.WriteLine(summary);
        if (outFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
            var text = new StringBuilder().AppendLine(header).AppendLine(Rule);
            rows.ForEach(r => text.AppendLine(r));
            await File.WriteAllTextAsync(outFile, text.AppendLine().AppendLine(summary).ToString(), cancellationToken).ConfigureAwait(false);
        }

        // Every acknowledged ticket must be open on the desk: none lost, none counted twice.
        return status.Open == tickets - failures && failures == 0 ? 0 : 1;

        async Task SubmitAsync(ITicketGrain ticket, Core.Model.TicketSpec spec, long intended, int segment)
        {
            try
            {
                await ticket.Submit(spec).ConfigureAwait(false);
                var end = Stopwatch.GetTimestamp();
                lock (histograms[segment])
                {
                    histograms[segment].RecordValue(Math.Max(0, end - intended));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref failures);
            }
            finally
            {
                gate.Release();
                pending[segment].Signal();
            }
        }

        async Task ReportAfterAsync(Task previous, int segment, long open)
        {
            await previous.ConfigureAwait(false);
            var row = await SegmentRowAsync(segment, open).ConfigureAwait(false);
            rows.Add(row);
            output.WriteLine(row);
        }

        async Task<string> SegmentRowAsync(int segment, long open)
        {
            // The step's last submits finish before its row is read; arrivals go on meanwhile on the schedule.
            await Task.Run(() => pending[segment].Wait(cancellationToken), cancellationToken).ConfigureAwait(false);
            var memory = Memory(full: false);
            var collections = gc.Take();
            var activations = await ActivationsAsync(cluster).ConfigureAwait(false);

            // One status read, as the desk's 5 s gauge publication makes: it holds the desk's turn, so
            // whatever it costs every submit arriving meanwhile waits.
            var asked = Stopwatch.GetTimestamp();
            await desk.GetStatus().ConfigureAwait(false);
            var statusTime = Stopwatch.GetElapsedTime(asked);
            var h = histograms[segment];
            return string.Create(CultureInfo.InvariantCulture,
                $"| {open:N0} | {Ms(h, 50)} | {Ms(h, 99)} | {Ms(h, 99.9)} | {h.GetMaxValue() * 1000.0 / Stopwatch.Frequency:N1} ms | " +
                $"{collections.Pause.TotalMilliseconds:N0} ms ({collections.MaxEphemeral.TotalMilliseconds:N0}, {collections.MaxGen2.TotalMilliseconds:N0} ms) | {collections.Gen0}/{collections.Gen1}/{collections.Gen2} | {statusTime.TotalMilliseconds:N1} ms | " +
                $"{memory.WorkingSet / 1e6:N0} MB | {memory.Heap / 1e6:N0} MB | {activations:N0} | {LoadAverage()} |");
        }
    }

    private static string Ms(LongHistogram h, double percentile) =>
        string.Create(CultureInfo.InvariantCulture, $"{h.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency:N1} ms");

    private static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.FromMilliseconds(2))
        {
            await Task.Delay(remaining - TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    private static (long WorkingSet, long Heap) Memory(bool full)
    {
        if (full)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    private static async Task<int> ActivationsAsync(LoadCluster cluster)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true).ConfigureAwait(false);
        var stats = await management.GetRuntimeStatistics([.. hosts.Keys]).ConfigureAwait(false);
        return stats.Sum(s => s.ActivationCount);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
