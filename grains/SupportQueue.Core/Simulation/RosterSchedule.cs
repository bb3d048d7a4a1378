using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A run's agents and when they are present: one agent per rostered head, and the presence changes
/// their shifts and breaks call for, scheduled a day at a time (shrinkage, drawn per shift, can take
/// a whole shift away).
/// </summary>
internal sealed class RosterSchedule
{
    private readonly Scenario _scenario;
    private readonly RunCalendar _calendar;
    private readonly OutcomeRecorder _recorder;
    private readonly RandomStream _shrinkageStream;
    private readonly SimAgent[] _agents;
    private readonly ImmutableDictionary<string, ImmutableArray<int>>? _override;

    /// <summary>Creates one agent per rostered head, in roster order.</summary>
    public RosterSchedule(
        Scenario scenario, int replication, RunCalendar calendar, OutcomeRecorder recorder, string idPrefix, string deskId,
        ImmutableDictionary<string, ImmutableArray<int>>? staffingOverride = null)
    {
        _override = staffingOverride is { Count: > 0 } ? staffingOverride : null;
        _scenario = scenario;
        _calendar = calendar;
        _recorder = recorder;
        _shrinkageStream = RandomStream.Create(scenario.Seed, StreamId.Shrinkage, replication);
        var agents = new List<SimAgent>();
        var desk = scenario.Desk;
        var specs = new List<AgentSpec>();
        foreach (var group in scenario.Roster.Groups)
        {
            var tier = desk.TierIndex(group.Tier);
            var count = group.Count;
            if (_override is not null && _override.TryGetValue(group.Name, out var staffing))
            {
                count = staffing.IsDefaultOrEmpty ? 0 : staffing.Max();
            }

            for (var i = 1; i <= count; i++)
            {
                var id = $"{idPrefix}{group.Name}-{i.ToString("000", CultureInfo.InvariantCulture)}";
                var spec = new AgentSpec(id, deskId, desk.Tiers[tier].Name, group.Skills.IsDefault ? [] : group.Skills, group.Capacity);
                agents.Add(new SimAgent(agents.Count, id, tier, group.Capacity, group));
                specs.Add(spec);
            }
        }

        _agents = [.. agents];
        Specs = specs;
    }

    /// <summary>The agents by <see cref="SimAgent.Index"/>. The loop indexes this array on every assignment and service end.</summary>
    public SimAgent[] Agents => _agents;

    /// <summary>What the desk is configured with: one spec per agent, in the same order.</summary>
    public List<AgentSpec> Specs { get; }

    /// <summary>Agents without shifts come at minute zero; shift workers get the first day's shifts.</summary>
    public void Start()
    {
        var anyShifts = false;
        foreach (var agent in _agents)
        {
            if (_override is not null && _override.ContainsKey(agent.Group.Name))
            {
                continue;
            }

            if (agent.Group.Shifts.IsDefaultOrEmpty)
            {
                _calendar.Schedule(0, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Available));
            }
            else
            {
                anyShifts = true;
            }
        }

        if (anyShifts)
        {
            // The day before the start too: a night shift that began yesterday is still running.
            ScheduleDay(-1, 0);
            _calendar.Schedule(0, new SimEvent(EventKind.DayStart, arg: 0));
        }

        if (_override is not null)
        {
            ScheduleOverride();
        }
    }

    /// <summary>
    /// Presence changes of the overridden groups, all at once (one per agent and boundary where its
    /// duty changes): agent i of a group is on duty in interval t iff i &lt; s(t), counting agents
    /// within the group in roster order.
    /// </summary>
    private void ScheduleOverride()
    {
        var minutes = (double)_scenario.IntervalMinutes;
        var indexInGroup = 0;
        AgentGroupSpec? current = null;
        foreach (var agent in _agents)
        {
            if (!ReferenceEquals(agent.Group, current))
            {
                current = agent.Group;
                indexInGroup = 0;
            }

            var i = indexInGroup++;
            if (!_override!.TryGetValue(agent.Group.Name, out var staffing) || staffing.IsDefaultOrEmpty)
            {
                continue;
            }

            var onDuty = false;
            for (var t = 0; t < staffing.Length && t * minutes < _calendar.Horizon; t++)
            {
                var wanted = i < staffing[t];
                if (wanted != onDuty)
                {
                    _calendar.Schedule(t * minutes, new SimEvent(EventKind.Presence, arg: agent.Index, presence: wanted ? Presence.Available : Presence.Offline));
                    onDuty = wanted;
                }
            }
        }
    }

    /// <summary>Schedules the presence changes of day <paramref name="day"/> from <paramref name="now"/> on, and the next day's start.</summary>
    public void ScheduleDay(int day, double now)
    {
        var dayStart = day * 1440.0;
        var weekday = _scenario.Start.AddDays(day).DayOfWeek;
        foreach (var agent in _agents)
        {
            var shifts = agent.Group.Shifts;
            if (shifts.IsDefaultOrEmpty || (_override is not null && _override.ContainsKey(agent.Group.Name)))
            {
                continue;
            }

            foreach (var shift in shifts)
            {
                if (!shift.WorksOn(weekday))
                {
                    continue;
                }

                // Shrinkage: the agent misses this whole shift.
                if (_scenario.Roster.Shrinkage > 0 && _shrinkageStream.NextDouble() < _scenario.Roster.Shrinkage)
                {
                    continue;
                }

                var start = dayStart + shift.Start.TotalMinutes;
                var end = start + shift.Length.TotalMinutes;
                if (end <= now)
                {
                    continue;
                }

                _calendar.Schedule(Math.Max(start, now), new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Available));
                if (!shift.Breaks.IsDefaultOrEmpty)
                {
                    foreach (var b in shift.Breaks)
                    {
                        var breakStart = start + b.After.TotalMinutes;
                        if (breakStart >= now)
                        {
                            _calendar.Schedule(breakStart, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Break));
                            _calendar.Schedule(breakStart + b.Duration.TotalMinutes, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Available));
                        }
                    }
                }

                _calendar.Schedule(end, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Offline));
            }
        }

        if (day >= 0 && dayStart + 1440 < _calendar.Horizon)
        {
            _calendar.Schedule(dayStart + 1440, new SimEvent(EventKind.DayStart, arg: day + 1));
        }
    }

    /// <summary>
    /// Tells the desk that <paramref name="agent"/>'s presence changes; false when it already is
    /// <paramref name="presence"/> (the desk is not asked). <paramref name="pending"/> is the rest
    /// of the work when the driver has not answered yet.
    /// </summary>
    public bool ChangePresence(IDeskDriver driver, SimAgent agent, Presence presence, double now, DateTimeOffset at, out ValueTask pending)
    {
        pending = default;
        if (agent.Presence == presence)
        {
            return false;
        }

        var set = driver.SetPresence(agent.Index, presence, at);
        if (!set.IsCompletedSuccessfully)
        {
            pending = PresenceSetAsync(set, agent, presence, now);
            return true;
        }

        set.GetAwaiter().GetResult();
        _recorder.PresenceChanged(agent, presence, now);
        return true;
    }

    private async ValueTask PresenceSetAsync(ValueTask pending, SimAgent agent, Presence presence, double now)
    {
        await pending;
        _recorder.PresenceChanged(agent, presence, now);
    }
}
