namespace SupportQueue.Core.Routing;

[GenerateSerializer, Immutable, Alias("SupportQueue.TierStatus")]
public sealed record TierStatus(
    [property: Id(0)] string Tier,
    [property: Id(1)] int Queued,
    [property: Id(2)] int Offered,
    [property: Id(3)] TimeSpan OldestWait,
    [property: Id(4)] int Available,
    [property: Id(5)] int OnBreak,
    [property: Id(6)] int Offline,
    [property: Id(7)] int Assigned,
    [property: Id(8)] int FreeCapacity);
