namespace SupportQueue.Core.Simulation;

/// <summary>Which queueing model sized a row of the plan.</summary>
public enum StaffingMethod
{
    /// <summary>No load in the interval: nobody is needed.</summary>
    None,

    /// <summary>M/M/N, customers never give up.</summary>
    ErlangC,

    /// <summary>M/M/N+M, customers abandon after an exponential patience.</summary>
    ErlangA,
}
