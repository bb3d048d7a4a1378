using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.History;

/// <summary>What <see cref="HistoryFit"/> drafted from a trace, and the figures behind it.</summary>
public sealed record HistoryFitResult(
    Scenario Draft,
    int Tickets,
    int Days,
    ImmutableArray<FittedHandling> Handling,
    ImmutableArray<FittedRate> Escalation,
    ImmutableArray<FittedRate> Patience,
    ImmutableArray<string> Notes);
