using System.Collections.Immutable;

namespace SupportQueue.Silo.Api;

/// <summary>The tickets an agent holds; <c>changed</c> says whether they differ from the <c>known</c> ones the caller sent.</summary>
public sealed record AssignmentsResponse(string AgentId, ImmutableArray<string> Assignments, bool Changed);
