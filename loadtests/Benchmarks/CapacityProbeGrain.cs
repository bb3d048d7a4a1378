using SupportQueue.Grains;

namespace SupportQueue.LoadTests.Benchmarks;

[GrainType("capacityprobe")]
public sealed class CapacityProbeGrain([PersistentState("probe", SupportQueueStorage.Name)] IPersistentState<int> state) : Grain, ICapacityProbeGrain
{
    public Task Ping() => Task.FromResult(state.State);
}
