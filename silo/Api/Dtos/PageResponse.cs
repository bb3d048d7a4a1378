using System.Collections.Immutable;

namespace SupportQueue.Silo.Api;

/// <summary>One page of a list: the items from <c>offset</c>, at most <c>limit</c> of them, and how many there are in all.</summary>
public sealed record PageResponse<T>(ImmutableArray<T> Items, int Offset, int Limit, int Total);
