using System.Diagnostics;

namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>
/// Orleans' own CPU cost on this silo, measured with as many calls in flight as a perfectly
/// concurrent driver could have: per call to a live grain, and per first call to a new grain
/// with a persistent state (an activation, as every simulated ticket needs one).
/// </summary>
/// <param name="CallCpu">Process CPU time per no-op call between live activations.</param>
/// <param name="ActivationCpu">Process CPU time per first call to a new grain, activation included.</param>
/// <param name="Cores">Cores the process may use.</param>
/// <param name="InFlight">Calls kept in flight while measuring.</param>
public sealed record CapacityProbeResult(TimeSpan CallCpu, TimeSpan ActivationCpu, int Cores, int InFlight = 64)
{
    /// <summary>
    /// The calls a simulated ticket cannot do without, journal drains aside: submit (driver → ticket
    /// → desk), the offer (desk → agent → ticket) and the resolve (driver → agent → ticket → desk).
    /// </summary>
    public const int MinimumCallsPerTicket = 7;

    /// <summary>
    /// Tickets per second this machine cannot exceed in grain mode however concurrent the driver:
    /// every core busy with nothing but one activation and <see cref="MinimumCallsPerTicket"/> calls
    /// per ticket (the first of them is part of the activation's measured cost).
    /// </summary>
    public double CeilingTicketsPerSecond =>
        Cores / (ActivationCpu + ((MinimumCallsPerTicket - 1) * CallCpu)).TotalSeconds;

    public override string ToString() =>
        $"Orleans' own CPU cost on this silo with {InFlight} calls in flight: {CallCpu.TotalMicroseconds:F1} us per no-op call, " +
        $"{ActivationCpu.TotalMicroseconds:F1} us per first call to a new grain with a persistent state; one activation and " +
        $"{MinimumCallsPerTicket} calls per ticket on {Cores} cores cap grain mode at {CeilingTicketsPerSecond:F0} tickets/s, however concurrent the driver";

    /// <summary>Measures on the silo behind <paramref name="grains"/>; nothing else should run meanwhile.</summary>
    public static async Task<CapacityProbeResult> MeasureAsync(IGrainFactory grains, int calls = 200_000, int activations = 20_000, int inFlight = 64)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var live = Enumerable.Range(0, inFlight).Select(i => grains.GetGrain<ICapacityProbeGrain>($"probe-live-{i}")).ToArray();
        await Task.WhenAll(live.Select(g => g.Ping()));

        // Warm the call path, then measure.
        await Task.WhenAll(live.Select(g => PingRepeatedly(g, 1_000)));
        var perGrain = Math.Max(1, calls / inFlight);
        var callCpu = await CpuPerOperation(() => Task.WhenAll(live.Select(g => PingRepeatedly(g, perGrain))), perGrain * inFlight);

        var next = 0;
        var run = Guid.NewGuid().ToString("N");
        async Task ActivateNext()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= activations)
            {
                await grains.GetGrain<ICapacityProbeGrain>($"probe-new-{run}-{i}").Ping();
            }
        }

        var activationCpu = await CpuPerOperation(() => Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => ActivateNext())), activations);
        return new CapacityProbeResult(callCpu, activationCpu, Environment.ProcessorCount, inFlight);
    }

    private static async Task PingRepeatedly(ICapacityProbeGrain grain, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await grain.Ping();
        }
    }

    private static async Task<TimeSpan> CpuPerOperation(Func<Task> work, int operations)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await work();
        process.Refresh();
        return (process.TotalProcessorTime - before) / operations;
    }
}
