using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.LoadTests.Scenarios;

/// <summary>
/// Draws a scenario's customers and roster with the simulator's own machinery (its customer source
/// and roster schedule, same seeded streams), so replication r of a live replay meets exactly the
/// tickets and shifts the simulator's replication r meets, whatever the desk's policy.
/// </summary>
public static class ScenarioDraw
{
    /// <summary>Every customer arriving in the first <paramref name="untilMinutes"/> simulated minutes of replication <paramref name="replication"/>.</summary>
    public static IReadOnlyList<ScenarioTicket> Tickets(Scenario scenario, int replication, double untilMinutes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var source = new CustomerSource(scenario, replication);
        var tiers = scenario.Desk.Tiers;
        var horizon = Math.Min(untilMinutes, scenario.HorizonMinutes);
        var tickets = new List<ScenarioTicket>();
        var ticket = new SimTicket("", tiers.Length, 0);
        for (var now = source.NextArrival(0); now <= horizon; now = source.NextArrival(now))
        {
            // The simulator's order of draws on an arrival: the class, then the ticket's attributes.
            var index = source.DrawClass();
            var cls = source.Class(index);
            ticket.Start(cls, index, tickets.Count, now, counted: true, recordPath: false);
            source.DrawAttributes(ticket);
            tickets.Add(new ScenarioTicket(
                tickets.Count, now, cls.Name, cls.Priority, cls.Skills.IsDefault ? [] : cls.Skills, cls.EntryTier,
                [.. ticket.Handling], [.. Enumerable.Range(0, tiers.Length).Select(t => source.Resolves(ticket, t))], ticket.Patience));
        }

        return tickets;
    }

    /// <summary>The rostered agents (one per head, in roster order) and their presence changes over the first <paramref name="untilMinutes"/>.</summary>
    public static (IReadOnlyList<AgentSpec> Agents, IReadOnlyList<PresenceChange> Changes) Roster(
        Scenario scenario, int replication, string idPrefix, string deskId, double untilMinutes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var horizon = Math.Min(untilMinutes, scenario.HorizonMinutes);
        var calendar = new RunCalendar(horizon);

        // The recorder is only told of presence changes the schedule makes itself, which this replay
        // does not ask for: it reads the scheduled changes off the calendar instead.
        var roster = new RosterSchedule(scenario, replication, calendar, recorder: null!, idPrefix, deskId);
        roster.Start();
        var changes = new List<PresenceChange>();
        while (calendar.PeekNext(out var arrivalFirst) <= horizon)
        {
            var ev = calendar.Take(arrivalFirst, out var now);
            if (ev.Kind == EventKind.DayStart)
            {
                roster.ScheduleDay(ev.Arg, now);
            }
            else if (ev.Kind == EventKind.Presence)
            {
                changes.Add(new PresenceChange(Math.Max(0, now), ev.Arg, ev.Presence));
            }
        }

        return (roster.Specs, changes);
    }
}
