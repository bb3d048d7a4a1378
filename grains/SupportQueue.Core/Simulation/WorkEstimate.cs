using System.Globalization;
using SupportQueue.Core.Demand;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// An up-front, deliberately generous estimate of what a scenario costs to simulate: calendar
/// events and peak memory. Cheap (one pass over the demand intervals and the roster), so it runs
/// before anything starts; <see cref="Check"/> names the fields that drive an estimate over budget.
/// </summary>
public sealed record WorkEstimate(double ArrivalsPerReplication, double EventsPerReplication, double BytesPerReplication, int Replications, int Concurrent)
{
    // Measured orders of magnitude, rounded up: an open ticket on the desk and in the run (ticket,
    // queue entry, table slot, path), an agent in the roster and the desk pool, one capacity slot.
    private const double BytesPerOpenTicket = 1024;
    private const double BytesPerAgent = 1024;
    private const double BytesPerSlot = 32;

    /// <summary>Events over every replication.</summary>
    public double TotalEvents => EventsPerReplication * Replications;

    /// <summary>Peak memory of the replications that run at once.</summary>
    public double PeakBytes => BytesPerReplication * Concurrent;

    /// <summary>Estimates <paramref name="scenario"/> (which must be valid) with at most <paramref name="concurrent"/> replications at once.</summary>
    public static WorkEstimate Of(Scenario scenario, int concurrent)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var arrivals = ScenarioDemand.Rate(scenario).TotalExpected;
        var reopen = scenario.TicketClasses.Max(c => c.Reopen?.Probability ?? 0);
        var tiers = Math.Max(1, scenario.Desk.TierCount);

        // Each ticket: its arrival, a service end (and an offer) per tier it may pass, an abandonment.
        var tickets = arrivals * (1 + reopen);
        var ticketEvents = tickets * (2 + (2.0 * tiers));
        var days = Math.Ceiling(scenario.Horizon.TotalDays) + 1;
        double agents = 0, slots = 0, rosterEvents = 0;
        foreach (var group in scenario.Roster.Groups)
        {
            agents += group.Count;
            slots += (double)group.Count * group.Capacity;
            var shifts = group.Shifts.IsDefaultOrEmpty ? 1 : group.Shifts.Length;
            var breaks = group.Shifts.IsDefaultOrEmpty ? 0 : group.Shifts.Max(s => s.Breaks.IsDefault ? 0 : s.Breaks.Length);
            rosterEvents += group.Count * days * shifts * (2 + (2.0 * breaks));
        }

        var intervals = scenario.HorizonMinutes / scenario.IntervalMinutes;
        var events = ticketEvents + rosterEvents + intervals;

        // Conservative: every ticket may still be open at the end (no agent ever takes one), up to the desk's cap.
        var open = Math.Min(tickets, scenario.Desk.MaxOpenTickets);
        var bytes = (open * BytesPerOpenTicket) + (agents * BytesPerAgent) + (slots * BytesPerSlot) + (intervals * 256);
        return new WorkEstimate(arrivals, events, bytes, scenario.Replications, Math.Clamp(concurrent, 1, scenario.Replications));
    }

    /// <summary>Every way the estimate exceeds <paramref name="budget"/>, naming the driving fields; empty when it fits.</summary>
    public IReadOnlyList<string> Check(WorkBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var errors = new List<string>();
        if (!(TotalEvents <= budget.MaxEvents))
        {
            errors.Add(
                $"$.replications × $.horizon × $.demand: about {Count(TotalEvents)} events " +
                $"({Replications.ToString(CultureInfo.InvariantCulture)} replications × {Count(EventsPerReplication)}, from {Count(ArrivalsPerReplication)} expected arrivals and the roster) " +
                $"— over the budget of {Count(budget.MaxEvents)} events; lower replications, horizon, demand or agent count, or raise --max-events");
        }

        if (!(PeakBytes <= budget.MaxMemoryBytes))
        {
            errors.Add(
                $"$.desk.maxOpenTickets × $.demand, $.roster.groups[*].count × capacity: about {Megabytes(PeakBytes)} MB at the peak " +
                $"({Concurrent.ToString(CultureInfo.InvariantCulture)} replication(s) at once × {Megabytes(BytesPerReplication)} MB: open tickets up to min(arrivals, maxOpenTickets), agents and their capacity) " +
                $"— over the budget of {Megabytes(budget.MaxMemoryBytes)} MB; lower them, or raise --max-memory-mb");
        }

        return errors;
    }

    private static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Megabytes(double bytes) => (bytes / (1024 * 1024)).ToString("#,0", CultureInfo.InvariantCulture);
}
