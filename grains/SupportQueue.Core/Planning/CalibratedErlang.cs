using SupportQueue.Core.Queueing;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// The local model behind the iterative staffing step: Erlang C with an effective offered load
/// calibrated to what the simulation observed. At the current head count the simulated service
/// level is inverted into the load at which Erlang C gives that service level (work carried in,
/// escalation bursts, abandonment and non-exponential handling all end up in that one figure); the
/// next head count is the least whose service level meets the target under that load. The model
/// is only trusted locally: each round re-calibrates it at the new head count, so its error shrinks
/// as the staffing approaches the answer (a secant step in the Erlang family rather than a walk).
/// </summary>
internal sealed record CalibratedErlang(double AhtMinutes, double ThresholdMinutes, double Capacity)
{
    /// <summary>Erlang C service level of <paramref name="servers"/> slots under <paramref name="load"/> Erlangs.</summary>
    public double ServiceLevel(int servers, double load)
    {
        if (load <= 0)
        {
            return 1;
        }

        return servers <= load ? 0 : ErlangC.Evaluate(load / AhtMinutes, AhtMinutes, servers, ThresholdMinutes).ServiceLevel;
    }

    /// <summary>
    /// The load at which <paramref name="staff"/> agents give service level <paramref name="observed"/>
    /// (in (0, 1): a perfect or empty score only bounds the load, so the caller keeps it off the edges).
    /// </summary>
    public double Load(int staff, double observed)
    {
        var servers = Servers(staff);
        var score = Math.Clamp(observed, 1e-9, 1 - 1e-9);
        double low = 0, high = servers;
        for (var i = 0; i < 60 && high - low > 1e-6; i++)
        {
            var mid = (low + high) / 2;
            if (ServiceLevel(servers, mid) >= score)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>Least head count whose Erlang C service level under <paramref name="load"/> meets <paramref name="target"/>.</summary>
    public int LeastStaff(double load, double target)
    {
        if (load <= 0)
        {
            return 0;
        }

        var slots = StaffingSolver.ErlangC(load / AhtMinutes, AhtMinutes, ThresholdMinutes, Math.Min(target, StaffingPlan.MaxTarget)).Agents;
        return (int)Math.Ceiling((slots / Capacity) - 1e-9);
    }

    /// <summary>Ticket slots of <paramref name="staff"/> agents (at least one, so a load can be calibrated).</summary>
    public int Servers(int staff) => Math.Max(1, (int)Math.Floor((staff * Capacity) + 1e-9));
}
