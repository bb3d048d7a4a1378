using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

[GenerateSerializer, Immutable, Alias("SupportQueue.SlaCounters")]
public sealed record SlaCounters(
    [property: Id(0)] Priority Priority,
    [property: Id(1)] long FirstResponseMet,
    [property: Id(2)] long FirstResponseBreached,
    [property: Id(3)] long ResolutionMet,
    [property: Id(4)] long ResolutionBreached,
    [property: Id(5)] int OpenPastFirstResponse);
