using System.Runtime.CompilerServices;
using SupportQueue.LoadTests.Live;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Runner;

/// <summary>Runs scenarios against a target, samples once per interval, and evaluates thresholds.</summary>
public static class LoadRunner
{
    /// <summary>
    /// Runs every scenario to the end of its schedule, then stops the target, and returns everything measured.
    /// Cancelling <paramref name="cancellationToken"/> stops scheduling early; the partial result is still returned.
    /// </summary>
    /// <exception cref="ThresholdFormatException">A threshold text is invalid (checked before anything starts).</exception>
    /// <exception cref="ArgumentException">The settings are inconsistent (no scenarios, duplicate names, a scenario without phases).</exception>
    public static async Task<LoadRunResult> RunAsync(
        LoadRunSettings settings,
        ILoadTarget? target = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var thresholds = Validate(settings);
        var time = settings.TimeProvider;
        var measurements = new Measurements(time, settings.LateStartThreshold);

        if (target is not null)
        {
            await target.StartAsync(new LoadTargetContext(measurements, time), cancellationToken).ConfigureAwait(false);
        }

        var targetStopped = new StrongBox<bool>();
        try
        {
            return await RunStartedAsync(settings, thresholds, measurements, target, targetStopped, cancellationToken).ConfigureAwait(false);
        }
        catch when (target is not null && !targetStopped.Value)
        {
            // The target was started; give it the chance to release what it holds before the error surfaces.
            await target.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<LoadRunResult> RunStartedAsync(
        LoadRunSettings settings,
        List<Threshold> thresholds,
        Measurements measurements,
        ILoadTarget? target,
        StrongBox<bool> targetStopped,
        CancellationToken cancellationToken)
    {
        var time = settings.TimeProvider;
        using var resources = new ResourceMonitor(time);
        using var stepAbort = new CancellationTokenSource();
        using var stopSampling = new CancellationTokenSource();
        using var stopLive = new CancellationTokenSource();
        resources.Start();
        var startedAt = time.GetUtcNow();
        var start = time.GetTimestamp();
        var executors = settings.Scenarios
            .Select((s, i) => new ScenarioExecutor(s, settings, i, measurements, start, stepAbort.Token))
            .ToList();
        var showLive = settings.LiveView && LiveConsoleView.CanRender;
        var sampler = new Sampler(settings, measurements, resources, executors, target, start, showLive);
        var sampling = sampler.RunAsync(stopSampling.Token);
        var live = showLive
            ? LiveConsoleView.RunAsync(() => sampler.Latest, stopLive.Token)
            : Task.CompletedTask;

        long end;
        try
        {
            var drained = await Task.WhenAll(executors.Select(e => e.RunAsync(settings.DrainTimeout, cancellationToken))).ConfigureAwait(false);
            if (drained.Contains(false))
            {
                // Steps that outlived the drain timeout are asked to give up; they stay counted as unfinished.
                await stepAbort.CancelAsync().ConfigureAwait(false);
            }

            end = time.GetTimestamp();
            if (target is not null)
            {
                targetStopped.Value = true;
                await target.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await stopSampling.CancelAsync().ConfigureAwait(false);
            await sampling.ConfigureAwait(false);
            await sampler.SampleAsync(final: true, CancellationToken.None).ConfigureAwait(false);
            // The live view stops after the final sample so its last frame shows the totals.
            await stopLive.CancelAsync().ConfigureAwait(false);
            await live.ConfigureAwait(false);
        }
        finally
        {
            // On an error mid-run the sampler and live view would otherwise wait on their timers forever.
            if (!stopSampling.IsCancellationRequested)
            {
                await stopSampling.CancelAsync().ConfigureAwait(false);
            }

            if (!stopLive.IsCancellationRequested)
            {
                await stopLive.CancelAsync().ConfigureAwait(false);
            }
        }

        var duration = time.GetElapsedTime(start, end);
        var operations = measurements.GetStats(duration);
        return new LoadRunResult(
            settings.RunName,
            target?.Name,
            startedAt,
            duration,
            cancellationToken.IsCancellationRequested,
            executors.Select(e => e.Summarise()).ToList(),
            operations,
            sampler.OperationSeries,
            sampler.RunSeries,
            sampler.SiloLoad,
            resources.Stop(),
            ThresholdEvaluator.Evaluate(thresholds, operations));
    }

    private static List<Threshold> Validate(LoadRunSettings settings)
    {
        if (settings.Scenarios is null || settings.Scenarios.Count == 0)
        {
            throw new ArgumentException("At least one scenario is needed.", nameof(settings));
        }

        var duplicate = settings.Scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Scenario name '{duplicate.Key}' is used more than once.", nameof(settings));
        }

        var empty = settings.Scenarios.FirstOrDefault(s => s.Simulations.Count == 0);
        if (empty is not null)
        {
            throw new ArgumentException($"Scenario '{empty.Name}' has no load simulations.", nameof(settings));
        }

        if (settings.MaxInFlight < 1)
        {
            throw new ArgumentException("MaxInFlight must be at least 1.", nameof(settings));
        }

        if (settings.SampleInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("SampleInterval must be longer than zero.", nameof(settings));
        }

        return settings.Thresholds.Select(Threshold.Parse).ToList();
    }

    /// <summary>Collects the per-interval series and the live snapshot; only its own loop (and the final call) touch it.</summary>
    private sealed class Sampler(
        LoadRunSettings settings,
        Measurements measurements,
        ResourceMonitor resources,
        IReadOnlyList<ScenarioExecutor> executors,
        ILoadTarget? target,
        long start,
        bool live)
    {
        private readonly TimeProvider _time = settings.TimeProvider;
        private readonly Dictionary<string, long> _startedAtLastSample = new(StringComparer.Ordinal);
        private readonly long _start = start;
        private long _last = start;
        private int _lastBatch;
        private volatile LiveSnapshot? _latest;

        public List<OperationSample> OperationSeries { get; } = [];

        public List<RunSample> RunSeries { get; } = [];

        public List<SiloLoadSample> SiloLoad { get; } = [];

        public int SiloSampleErrors { get; private set; }

        public LiveSnapshot? Latest => _latest;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(settings.SampleInterval, _time);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    await SampleAsync(final: false, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Normal end of the run.
            }
        }

        public async Task SampleAsync(bool final, CancellationToken cancellationToken)
        {
            var now = _time.GetTimestamp();
            var interval = _time.GetElapsedTime(_last, now).TotalSeconds;
            _last = now;
            var elapsed = _time.GetElapsedTime(_start, now).TotalSeconds;
            // A final sample right after a periodic one would be a sliver with a wildly scaled rate:
            // it is merged into the previous interval instead, so nothing recorded in it is lost.
            var merge = final && _lastBatch > 0 && interval < settings.SampleInterval.TotalSeconds * 0.05;
            IReadOnlyList<OperationSample> ops;
            if (merge)
            {
                ops = measurements.ExtendPreviousInterval(elapsed, interval);
                OperationSeries.RemoveRange(OperationSeries.Count - _lastBatch, _lastBatch);
            }
            else
            {
                ops = measurements.TakeInterval(elapsed, interval);
            }

            OperationSeries.AddRange(ops);
            _lastBatch = ops.Count;
            var (cpu, gc) = resources.Sample();
            var inFlight = executors.Sum(e => e.InFlight);
            if (merge)
            {
                RunSeries[^1] = new RunSample(elapsed, inFlight, RunSeries[^1].CpuPercent, RunSeries[^1].GcPauseMs + gc);
            }
            else
            {
                RunSeries.Add(new RunSample(elapsed, inFlight, cpu, gc));
            }

            if (target is not null)
            {
                try
                {
                    var silos = await target.SampleSiloLoadAsync(cancellationToken).ConfigureAwait(false);
                    if (silos is not null)
                    {
                        var load = new Dictionary<string, long>(silos, StringComparer.Ordinal);
                        if (merge && SiloLoad.Count > 0)
                        {
                            foreach (var (silo, n) in SiloLoad[^1].LoadBySilo)
                            {
                                load[silo] = load.GetValueOrDefault(silo) + n;
                            }

                            SiloLoad[^1] = new SiloLoadSample(elapsed, load);
                        }
                        else
                        {
                            SiloLoad.Add(new SiloLoadSample(elapsed, load));
                        }
                    }
                }
#pragma warning disable CA1031 // A flaky load probe must not abort the run; the chart just misses that interval.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    SiloSampleErrors++;
                }
            }

            // The live view's running totals walk every operation's histograms again: with no
            // view to show them, the process being measured is spared that work every second.
            if (!live)
            {
                return;
            }

            var scenarioRows = executors.Select(e =>
            {
                var started = e.Started;
                _startedAtLastSample.TryGetValue(e.Name, out var before);
                _startedAtLastSample[e.Name] = started;
                return new LiveScenarioRow(e.Name, interval > 0 ? (started - before) / interval : 0, e.InFlight, started);
            }).ToList();
            var total = executors.Max(e => e.Plan.TotalDuration);
            var opRows = measurements.GetRunningTotals()
                .Select(o =>
                {
                    var lastRps = ops.FirstOrDefault(s => s.Operation == o.Operation)?.Throughput ?? 0;
                    return new LiveOperationRow(o.Operation, o.Count, lastRps, o.P99Ms, o.Errors);
                })
                .ToList();
            _latest = new LiveSnapshot(TimeSpan.FromSeconds(elapsed), total, scenarioRows, opRows, cpu);
        }
    }
}
