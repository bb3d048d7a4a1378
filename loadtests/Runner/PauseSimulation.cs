namespace SupportQueue.LoadTests.Runner;

/// <summary>No load for a while.</summary>
public sealed record PauseSimulation : LoadSimulation
{
    internal PauseSimulation(TimeSpan during)
        : base(during)
    {
    }

    /// <inheritdoc/>
    public override bool IsOpenModel => false;
}
