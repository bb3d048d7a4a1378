using SupportQueue.Core.History;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Demand;

/// <summary>
/// A scenario's arrival rate over its run, whichever form its demand takes: a replayed trace
/// (its counts per interval, for the expected figures), a volume CSV, or the profile's factors.
/// </summary>
public static class ScenarioDemand
{
    public static RateFunction Rate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!scenario.Arrivals.IsDefault)
        {
            return ArrivalReplay.Counts(scenario).ToRateFunction(scenario.Start, scenario.HorizonMinutes);
        }

        return scenario.Demand.VolumeTable is { } table
            ? table.ToSeries().ToRateFunction(scenario.Start, scenario.HorizonMinutes)
            : new RateFunction(scenario.Demand, scenario.Start, scenario.HorizonMinutes);
    }
}
