using System.Text.Json;

namespace SupportQueue.LoadTests.Tests;

/// <summary>
/// The runtime settings the silo and the load runner are measured with (docs/performance.md):
/// workstation GC and no tiered PGO. Both hosts must agree, or a benchmark measures a runtime the
/// silo does not run.
/// </summary>
public class RuntimeSettingsTests
{
    [Theory]
    [InlineData("SupportQueue.Silo")]
    [InlineData("SupportQueue.LoadTests")]
    public void The_host_runs_workstation_GC_without_tiered_PGO(string host)
    {
        var path = Path.Combine(AppContext.BaseDirectory, host + ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
