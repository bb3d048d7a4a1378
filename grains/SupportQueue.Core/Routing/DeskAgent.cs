using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>An agent in a desk's pool, as the desk sees it: presence and load (held tickets plus offers out).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.DeskAgent")]
public sealed record DeskAgent(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Tier,
    [property: Id(2)] Presence Presence,
    [property: Id(3)] int Capacity,
    [property: Id(4)] int Load);
