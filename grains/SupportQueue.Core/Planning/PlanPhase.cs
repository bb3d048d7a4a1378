namespace SupportQueue.Core.Planning;

/// <summary>The steps of a plan, in order.</summary>
public enum PlanPhase
{
    /// <summary>Simulating the scenario's own roster for the offered load and the Erlang baseline.</summary>
    Baseline,

    /// <summary>The iterative staffing loop: the on-duty requirement per tier and interval by simulation.</summary>
    Requirements,

    /// <summary>CP-SAT: the least-cost roster covering the grossed-up requirement.</summary>
    Roster,

    /// <summary>CP-SAT on the Erlang requirement, for the cost comparison.</summary>
    ErlangRoster,

    /// <summary>Simulating the roster with fresh seeds; raising missed intervals and solving again.</summary>
    Verification,

    /// <summary>Finished.</summary>
    Done,
}
