using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Scenarios;

/// <summary>
/// One customer of a scenario replayed live, as the simulator draws it: when it arrives (simulated
/// minutes from the scenario start), its class, priority, skills and entry tier, and per tier the
/// handling time and whether that tier resolves it; how long the customer waits before leaving.
/// </summary>
public sealed record ScenarioTicket(
    long Number,
    double ArrivalMinutes,
    string ClassName,
    Priority Priority,
    ImmutableArray<string> Skills,
    string? EntryTier,
    ImmutableArray<double> HandlingMinutes,
    ImmutableArray<bool> ResolvesAt,
    double PatienceMinutes);
