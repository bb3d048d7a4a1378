using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace SupportQueue.Grains.Tests;

/// <summary>
/// A two-silo in-process cluster with in-memory storage. Grain time is a <see cref="FakeTimeProvider"/>
/// (only the grain-facing clock: the silos' own maintenance loops stay on real time), so tests
/// move time forward explicitly instead of sleeping.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Every assignment any silo reported to its <see cref="IAssignmentObserver"/>s.</summary>
    public RecordingAssignmentObserver Assignments { get; } = new();

    /// <summary>Whether open tickets keep durable reminders (as on PostgreSQL), which a re-activated desk rebuilds from.</summary>
    protected virtual bool DurableTickets => false;

    public async Task InitializeAsync()
    {
        var store = new InMemoryStateStore();
        var durable = DurableTickets;
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSupportQueueMemoryStorage(store);
            silo.AddDeskDiagnostics();
            silo.UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, Clock);
            silo.Services.AddSingleton<IAssignmentObserver>(Assignments);
            silo.Services.Configure<SupportQueueGrainOptions>(o =>
            {
                o.DurableTickets = durable;

                // Every queued ticket leaves memory once stored (production waits for a long queue),
                // so every test also proves a parked ticket is offered, assigned and closed as before.
                o.ParkQueuedFrom = 1;
            });

            // Small recorder pages, so tests that export cross sealed pages and the open one.
            // Tests export right after a ticket answers, so tickets wait for their recorder.
            silo.Services.Configure<TicketRecorderOptions>(o =>
            {
                o.PageSize = 4;
                o.WaitForRecorder = true;
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync().WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

public sealed class RecordingAssignmentObserver : IAssignmentObserver
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string TicketId, string AgentId)> _seen = new();

    public IReadOnlyList<(string TicketId, string AgentId)> For(string ticketId) => [.. _seen.Where(s => s.TicketId == ticketId)];

    public void OnAssigned(string ticketId, string agentId) => _seen.Enqueue((ticketId, agentId));
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
