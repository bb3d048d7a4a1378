namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>Tests that measure wall-clock time run with no other test class beside them.</summary>
[CollectionDefinition(SimulateInterruptTests.Alone, DisableParallelization = true)]
public sealed class AloneCollection;
