using System.Collections.Immutable;

namespace SupportQueue.Grains;

/// <summary>A page of desk ids and the total number of desks.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.DeskIdPage")]
public sealed record DeskIdPage(
    [property: Id(0)] int Total,
    [property: Id(1)] ImmutableArray<string> DeskIds);
