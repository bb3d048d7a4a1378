namespace SupportQueue.LoadTests.Runner;

/// <summary>How arrivals are spaced within an open-model phase.</summary>
public enum ArrivalSpacing
{
    /// <summary>Evenly spaced: arrival k happens when the expected count reaches k. Deterministic.</summary>
    Uniform,

    /// <summary>A (non-homogeneous) Poisson process with the phase's rate, from a seeded generator.</summary>
    Poisson,
}
