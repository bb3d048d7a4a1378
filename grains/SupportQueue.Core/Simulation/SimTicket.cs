using System.Globalization;
using System.Text;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>One customer's ticket in a run: its drawn attributes and where it stands. Reused after it closes.</summary>
internal sealed class SimTicket(string idPrefix, int tiers, int index) : SimulatedTicket
{
    private string? _id;

    /// <summary>The object's place in the run's table of ticket objects; it keeps it through reuse.</summary>
    public int Index { get; } = index;

    /// <summary>Built on first use: a fast run that keeps no outcomes never needs it.</summary>
    public override string Id => _id ??= idPrefix + "T" + Number.ToString(CultureInfo.InvariantCulture);

    public long Number { get; private set; }
    public int ClassIndex { get; private set; }
    public Priority Priority { get; private set; }
    public double Created { get; private set; }
    public bool Counted { get; private set; }
    public double[] Handling { get; } = new double[tiers];
    public double[] ResolveDraw { get; } = new double[tiers];
    public StringBuilder? Path { get; private set; }

    /// <summary>Bumped each time the ticket closes; the object is then reused for a later customer.</summary>
    public int Generation { get; set; }

    /// <summary>Position in the run's list of open tickets.</summary>
    public int Slot { get; set; }
    public double Patience { get; set; }
    public double ReopenDraw { get; set; }
    public double ReopenDelay { get; set; }
    public int Tier { get; set; }
    public double QueuedAt { get; set; }

    /// <summary>Metrics interval of <see cref="Created"/>; set by the metrics for counted tickets.</summary>
    public int CreatedInterval { get; set; }

    /// <summary>Metrics interval of <see cref="QueuedAt"/>; set by the metrics for counted tickets.</summary>
    public int QueuedInterval { get; set; }
    public double AssignedAt { get; set; }
    public TicketState State { get; set; }
    /// <summary>The serving agent's index in the run's agent list; -1 when none.</summary>
    public int AgentIndex { get; set; } = -1;
    public bool Responded { get; set; }
    public bool Reopened { get; set; }

    /// <summary>Makes this object the ticket of a new customer; every field a previous one set is reset.</summary>
    public void Start(TicketClassSpec ticketClass, int classIndex, long number, double created, bool counted, bool recordPath)
    {
        // Usually the class of the object's previous customer: skip the reference store then.
        if (!ReferenceEquals(Class, ticketClass))
        {
            Class = ticketClass;
        }
        DriverHandle = -1;
        _id = null;
        Number = number;
        ClassIndex = classIndex;
        Priority = ticketClass.Priority;
        Created = created;
        Counted = counted;
        Path = recordPath ? new StringBuilder() : null;
        Patience = 0;
        ReopenDraw = 0;
        ReopenDelay = 0;
        Tier = 0;
        QueuedAt = 0;
        CreatedInterval = 0;
        QueuedInterval = 0;
        AssignedAt = 0;
        State = TicketState.Waiting;
        AgentIndex = -1;
        Responded = false;
        Reopened = false;
    }
}
