namespace SupportQueue.Scheduling.Tests.Planning;

/// <summary>
/// A measurement, not a test: it runs only when PLAN_MEASURE is set (it takes minutes and its
/// figures go to the README, measured, never asserted by time).
/// </summary>
public sealed class MeasureFactAttribute : FactAttribute
{
    public MeasureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PLAN_MEASURE") is null)
        {
            Skip = "a measurement: set PLAN_MEASURE=1 to run it";
        }
    }
}
