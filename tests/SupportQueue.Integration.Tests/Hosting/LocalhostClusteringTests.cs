using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SupportQueue.Hosting;

namespace SupportQueue.Integration.Tests.Hosting;

/// <summary>
/// A memory-mode silo moved to other ports must still form its own cluster: with the primary left at
/// 11111 it waited for a silo that was not there, retrying its connection for ever.
/// </summary>
public sealed class LocalhostClusteringTests
{
    [Theory]
    [InlineData(11111, null, 11111)]
    [InlineData(11311, null, 11311)]
    [InlineData(11312, 11311, 11311)]
    public void A_silo_is_its_own_primary_unless_told_otherwise(int siloPort, int? primary, int expected)
    {
        var options = new SupportQueueOptions { SiloPort = siloPort, GatewayPort = 30300, PrimarySiloPort = primary };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.UseSupportQueue(options));
        using var host = builder.Build();

        var membership = host.Services.GetRequiredService<IOptions<DevelopmentClusterMembershipOptions>>().Value;

        Assert.Equal(expected, membership.PrimarySiloEndpoint!.Port);
        Assert.Equal(siloPort, host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.SiloPort);
    }

    [Fact]
    public void A_primary_port_out_of_range_is_a_settings_error_naming_it()
    {
        var errors = new SupportQueueOptions { PrimarySiloPort = 70000 }.Validate();

        Assert.Contains("SupportQueue:PrimarySiloPort: 70000 — must be a TCP port between 1 and 65535", errors);
    }
}
