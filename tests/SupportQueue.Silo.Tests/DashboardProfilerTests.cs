using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using SupportQueue.Silo.Dashboard;

namespace SupportQueue.Silo.Tests;

/// <summary>The Orleans Dashboard's grain call profiler runs unless turned off.</summary>
public sealed class DashboardProfilerTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void The_call_profiler_is_registered_unless_turned_off(string? profiler, bool registered)
    {
        var silo = Build(("SupportQueue:Dashboard:Profiler", profiler));

        Assert.Equal(registered, silo.Services.Any(IsDashboardCallFilter));
        // The dashboard itself is there either way.
        Assert.Contains(silo.Services, FromDashboard);
    }

    [Fact]
    public void A_dashboard_turned_off_registers_nothing_of_its_own()
    {
        var silo = Build(("SupportQueue:Dashboard:Enabled", "false"), ("SupportQueue:Dashboard:Profiler", "true"));

        Assert.DoesNotContain(silo.Services, FromDashboard);
    }

    private static bool IsDashboardCallFilter(ServiceDescriptor d) =>
        d.ServiceType == typeof(IIncomingGrainCallFilter) && FromDashboard(d);

    private static bool FromDashboard(ServiceDescriptor d) =>
        d.ImplementationType?.Assembly == typeof(DashboardOptions).Assembly;

    private static SiloBuilderStub Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            // An unset setting is absent, as in a real configuration (a key holding null binds as false).
            .AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var silo = new SiloBuilderStub(new ServiceCollection(), configuration);
        silo.AddSupportQueueLiveViews(configuration);
        return silo;
    }

    private sealed class SiloBuilderStub(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
