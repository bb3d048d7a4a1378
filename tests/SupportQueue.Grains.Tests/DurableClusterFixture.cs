namespace SupportQueue.Grains.Tests;

/// <summary><see cref="ClusterFixture"/> with durable tickets: each open ticket keeps its reconcile reminder.</summary>
public sealed class DurableClusterFixture : ClusterFixture
{
    protected override bool DurableTickets => true;
}
