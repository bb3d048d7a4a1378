namespace SupportQueue.Silo.Tests;

/// <summary>One silo with keys, the wallboard and the dashboard for the live-view tests.</summary>
[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveHost>
{
    public const string Name = "live";
}
