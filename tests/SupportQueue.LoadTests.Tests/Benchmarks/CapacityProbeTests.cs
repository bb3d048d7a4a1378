using SupportQueue.Grains.Simulation;
using SupportQueue.LoadTests.Benchmarks;

namespace SupportQueue.LoadTests.Tests.Benchmarks;

/// <summary>The grain-mode ceiling that <c>grain-sim</c> prints: its arithmetic and its measurement.</summary>
public sealed class CapacityProbeTests
{
    [Fact]
    public void The_ceiling_is_every_core_spent_on_one_activation_and_the_remaining_calls_of_each_ticket()
    {
        var probe = new CapacityProbeResult(TimeSpan.FromMicroseconds(2), TimeSpan.FromMicroseconds(30), Cores: 2);

        // The activation's first call is one of the seven: 30 + 6 × 2 = 42 µs per ticket, two cores.
        Assert.Equal(2 / 42e-6, probe.CeilingTicketsPerSecond, 6);
        Assert.Contains("cap grain mode at 47619 tickets/s", probe.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_probe_measures_a_cost_per_call_and_per_activation_on_a_real_silo()
    {
        await using var silo = await SimulationSilo.StartAsync(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

        var probe = await CapacityProbeResult.MeasureAsync(silo.Grains, calls: 2_000, activations: 500, inFlight: 8).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(probe.CallCpu > TimeSpan.Zero, $"call CPU {probe.CallCpu}");
        Assert.True(probe.ActivationCpu > TimeSpan.Zero, $"activation CPU {probe.ActivationCpu}");
        Assert.Equal(Environment.ProcessorCount, probe.Cores);
        Assert.True(double.IsFinite(probe.CeilingTicketsPerSecond));
        Assert.Contains("with 8 calls in flight", probe.ToString(), StringComparison.Ordinal);
    }
}
