namespace SupportQueue.Grains.Simulation;

/// <summary>How a simulation reaches the routing engine.</summary>
public enum SimulationMode
{
    /// <summary>Each replication runs the engine in-process inside one grain activation: no message per event.</summary>
    Fast,

    /// <summary>The scenario drives the real Ticket, Agent and DeskScheduler grains in virtual time.</summary>
    Grains,
}
