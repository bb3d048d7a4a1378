using System.Collections.Immutable;
using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>
/// A recorder bucket at one moment: pages 0 … <see cref="SealedPages"/> − 1 are in their page
/// grains; <see cref="Tail"/> is everything after them. <see cref="Dropped"/> counts records the
/// bucket turned away because it was full.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.RecorderSnapshot")]
public sealed record RecorderSnapshot(
    [property: Id(0)] int SealedPages,
    [property: Id(1)] ImmutableArray<TicketHistoryRecord> Tail,
    [property: Id(2)] long Dropped);
