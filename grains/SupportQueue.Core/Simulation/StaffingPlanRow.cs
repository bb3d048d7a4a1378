namespace SupportQueue.Core.Simulation;

/// <summary>
/// One interval of one tier: the agents the service-level objective asks for against the agents
/// the roster actually put on duty (both means over replications).
/// </summary>
/// <param name="Interval">Index of the interval from the scenario start.</param>
/// <param name="Start">Wall-clock start of the interval.</param>
/// <param name="Tier">Tier name.</param>
/// <param name="Offered">Mean tickets queued at the tier in the interval.</param>
/// <param name="ArrivalRatePerMinute">Offered / interval minutes.</param>
/// <param name="AhtMinutes">Handling time the tier was sized with.</param>
/// <param name="PatienceMinutes">Mean patience when Erlang A was used, else null.</param>
/// <param name="OfferedLoad">Erlangs: arrival rate × AHT.</param>
/// <param name="Method">Model used.</param>
/// <param name="RequiredServers">Concurrent ticket slots the model needs.</param>
/// <param name="RequiredAgents">Agents needed: slots / tier capacity, rounded up.</param>
/// <param name="StaffedAgents">Mean agents available in the interval (staffed minutes / interval / capacity).</param>
/// <param name="ServiceLevelAtRequired">The model's service level at the required slots.</param>
public sealed record StaffingPlanRow(
    int Interval,
    DateTime Start,
    string Tier,
    double Offered,
    double ArrivalRatePerMinute,
    double AhtMinutes,
    double? PatienceMinutes,
    double OfferedLoad,
    StaffingMethod Method,
    int RequiredServers,
    int RequiredAgents,
    double StaffedAgents,
    double ServiceLevelAtRequired)
{
    /// <summary>Staffed minus required: negative means the interval was short of agents.</summary>
    public double Gap => StaffedAgents - RequiredAgents;
}
