namespace SupportQueue.Grains.Tests.Hosting;

/// <summary>Silos of one process bind with address reuse: a port handed out twice would be shared silently.</summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public async Task Ports_handed_out_at_the_same_time_are_never_handed_out_twice()
    {
        var pairs = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(LoopbackPorts.ForSilo)));

        var ports = pairs.SelectMany(p => new[] { p.Silo, p.Gateway }).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 1, 65535));
    }
}
