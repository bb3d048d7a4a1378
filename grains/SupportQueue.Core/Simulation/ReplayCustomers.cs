using SupportQueue.Core.History;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A recorded trace as the <see cref="CustomerSource"/> replays it (<see cref="ArrivalReplay"/>):
/// arrival minutes in order, each ticket's class variant (the scenario class with the recorded
/// priority, skills and entry tier), recorded handling per tier (NaN: unknown) and need tier.
/// </summary>
internal sealed class ReplayCustomers
{
    private readonly double[] _times;
    private readonly int[] _variant;
    private readonly double[][] _handling;
    private readonly int[] _need;
    private int _scheduled;
    private int _drawn;

    public ReplayCustomers(Scenario scenario)
    {
        var trace = scenario.Arrivals;
        var tiers = scenario.Desk.TierCount;
        _times = new double[trace.Length];
        _variant = new int[trace.Length];
        _handling = new double[trace.Length][];
        _need = new int[trace.Length];
        var variants = new Dictionary<(int, Model.Priority, string, string), int>();
        var specs = new List<TicketClassSpec>();
        var baseIndex = new List<int>();
        for (var i = 0; i < trace.Length; i++)
        {
            var r = trace[i];
            _times[i] = ArrivalReplay.Minutes(scenario, r);
            var cls = ArrivalReplay.ClassOf(scenario, r);
            var key = (cls, r.Priority, string.Join(";", r.Skills), r.EntryTier);
            if (!variants.TryGetValue(key, out var v))
            {
                v = specs.Count;
                variants.Add(key, v);
                specs.Add(scenario.TicketClasses[cls] with { Priority = r.Priority, Skills = ArrivalReplay.SkillsOf(r), EntryTier = r.EntryTier });
                baseIndex.Add(cls);
            }

            _variant[i] = v;
            _need[i] = ArrivalReplay.Need(scenario, r);
            _handling[i] = new double[tiers];
            for (var t = 0; t < tiers; t++)
            {
                _handling[i][t] = r.HandlingAt(scenario.Desk.Tiers[t].Name) ?? double.NaN;
            }
        }

        Variants = [.. specs];
        BaseClass = [.. baseIndex];
    }

    /// <summary>The class variants the replayed tickets use.</summary>
    public TicketClassSpec[] Variants { get; }

    /// <summary>Per variant, the scenario class it derives from (its distributions).</summary>
    public int[] BaseClass { get; }

    /// <summary>The next recorded arrival time; <see cref="RunCalendar.Never"/> after the last.</summary>
    public double NextArrival() => _scheduled < _times.Length ? _times[_scheduled++] : RunCalendar.Never;

    /// <summary>The next arriving ticket's variant; its record becomes the current one.</summary>
    public int NextVariant()
    {
        Current = _drawn++;
        return _variant[Current];
    }

    /// <summary>The record of the ticket that arrived last.</summary>
    public int Current { get; private set; }

    /// <summary>Overrides the drawn attributes with what the record knows.</summary>
    public void Apply(SimTicket ticket)
    {
        var handling = _handling[Current];
        var need = _need[Current];
        for (var t = 0; t < handling.Length; t++)
        {
            if (!double.IsNaN(handling[t]))
            {
                ticket.Handling[t] = handling[t];
            }

            // Below the need the ticket escalates (a draw no probability beats), at and above it resolves.
            ticket.ResolveDraw[t] = t >= need ? -1 : 2;
        }

        ticket.ReopenDraw = 2;
    }
}
