using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains;

/// <summary>What a journaling desk did since the last drain, in the engine's order, and when it next needs time to pass.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.SettleReport")]
public sealed record SettleReport(
    [property: Id(0)] ImmutableArray<JournalEntry> Entries,
    [property: Id(1)] DateTimeOffset? NextDeadline);
