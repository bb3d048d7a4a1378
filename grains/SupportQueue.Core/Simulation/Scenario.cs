using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// Everything a staffing simulation needs: the desk (the same settings a live desk uses), who
/// works when, what arrives when, and how long it takes. Times inside the run are virtual.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.Scenario")]
public sealed partial record Scenario
{
    [Id(0)] public string Name { get; init; } = "scenario";

    /// <summary>Wall-clock start of the simulated period (its weekday matters for demand and shifts).</summary>
    [Id(1)] public DateTime Start { get; init; } = new(2026, 11, 23);

    [Id(2)] public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Tickets arriving before this are simulated but not counted.</summary>
    [Id(3)] public TimeSpan WarmUp { get; init; }

    [Id(4)] public int Replications { get; init; } = 5;

    [Id(5)] public ulong Seed { get; init; } = 1;

    [Id(6)] public DeskSettings Desk { get; init; } = DeskSettings.Default;

    [Id(7)] public RosterSpec Roster { get; init; } = new([]);

    [Id(8)] public ImmutableArray<TicketClassSpec> TicketClasses { get; init; } = [];

    [Id(9)] public DemandProfile Demand { get; init; } = new();

    [Id(10)] public ServiceLevelSpec ServiceLevel { get; init; } = new(TimeSpan.FromMinutes(20));

    /// <summary>
    /// A recorded trace to replay instead of drawing arrivals (<c>simulate --arrivals</c>; see
    /// <see cref="History.ArrivalReplay"/>). Not a field of scenario files: the client reads the
    /// trace file and puts it here, so replications anywhere in the cluster replay the same data.
    /// </summary>
    [Id(11)] public ImmutableArray<History.TicketHistoryRecord> Arrivals { get; init; }

    public double HorizonMinutes => Horizon.TotalMinutes;

    public int IntervalMinutes => Demand.IntervalMinutes;

    public int IntervalCount => (int)Math.Ceiling(HorizonMinutes / IntervalMinutes);

    /// <summary>
    /// The service-level objective of the desk's tier <paramref name="tierIndex"/>: its own threshold
    /// and target from <c>serviceLevel.tiers</c>, each defaulting to the desk-wide one.
    /// </summary>
    public (TimeSpan Threshold, double Target) TierObjective(int tierIndex) => ServiceLevel.For(Desk.Tiers[tierIndex].Name);
}
