namespace SupportQueue.Core.Simulation;

/// <summary>Where a simulated ticket stands in the run (the desk keeps its own state).</summary>
internal enum TicketState : byte
{
    Waiting,
    InService,
    Done,
}
