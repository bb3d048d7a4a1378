using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Runner;

/// <summary>What the runner hands the target at start.</summary>
/// <param name="Measurements">Where to record operations that finish outside a step.</param>
/// <param name="Time">The run's clock (timestamps in its units).</param>
public sealed record LoadTargetContext(IMeasurements Measurements, TimeProvider Time);
