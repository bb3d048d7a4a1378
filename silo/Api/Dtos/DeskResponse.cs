using System.Collections.Immutable;

namespace SupportQueue.Silo.Api;

/// <summary>A desk at a glance: its tiers, open tickets and agents.</summary>
public sealed record DeskResponse(string DeskId, ImmutableArray<string> Tiers, int Open, int Agents, long Submitted);
