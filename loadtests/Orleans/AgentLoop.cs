using System.Threading.Channels;
using SupportQueue.Grains;
using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>A synthetic agent: its spec, the tickets it knows and its queue of work.</summary>
internal sealed class AgentLoop(AgentSpec spec, int tierIndex)
{
    public AgentSpec Spec { get; } = spec;

    public int TierIndex { get; } = tierIndex;

    public HashSet<string> Known { get; } = new(StringComparer.Ordinal);

    /// <summary>Cached reference: building one costs a reflection lookup.</summary>
    public IAgentGrain? Grain { get; set; }

    public Channel<Work> Work { get; } = Channel.CreateUnbounded<Work>();
}
