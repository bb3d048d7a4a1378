using Microsoft.Extensions.Logging;

namespace SupportQueue.Grains.Simulation;

/// <summary>How grain-mode runs host their silo.</summary>
public sealed record GrainSimulationOptions
{
    /// <summary>Bound on starting (and on stopping) the embedded silo.</summary>
    public TimeSpan SiloTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Logging of the embedded silo; none by default so a CLI's console stays clean.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
