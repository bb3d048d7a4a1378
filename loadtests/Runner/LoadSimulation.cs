namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// One phase of a scenario's load shape. Open-model phases (<see cref="InjectSimulation"/>,
/// <see cref="RampingInjectSimulation"/>, <see cref="SeasonalSimulation"/>) schedule arrivals
/// independently of responses; closed-model phases (<see cref="KeepConstantSimulation"/>,
/// <see cref="RampingConstantSimulation"/>) keep a number of copies looping. Create them via <see cref="Simulation"/>.
/// </summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation(TimeSpan during)
    {
        if (during <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(during), during, "A simulation phase must last longer than zero.");
        }

        During = during;
    }

    /// <summary>How long the phase lasts.</summary>
    public TimeSpan During { get; }

    /// <summary>Whether the phase schedules arrivals (open model) rather than looping copies.</summary>
    public abstract bool IsOpenModel { get; }
}
