using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace SupportQueue.Grains.Tests.Hosting;

/// <summary>Writes state straight into a test silo's grain storage, as a grain of an earlier build would have left it.</summary>
internal static class GrainStorageAccess
{
    public static Task WriteAsync<T>(ClusterFixture fixture, string stateName, GrainId grainId, T state) =>
        fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(SupportQueueStorage.Name)
            .WriteStateAsync(stateName, grainId, new Held<T>(state));

    private sealed class Held<T>(T state) : IGrainState<T>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public T State { get; set; } = state;

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
