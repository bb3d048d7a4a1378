namespace SupportQueue.LoadTests.Runner;

/// <summary>Keeps <see cref="Copies"/> copies of the step looping back to back.</summary>
public sealed record KeepConstantSimulation : LoadSimulation
{
    internal KeepConstantSimulation(int copies, TimeSpan during)
        : base(during)
    {
        Copies = (int)Checks.NonNegative(copies, nameof(copies));
    }

    /// <summary>Concurrent looping copies.</summary>
    public int Copies { get; }

    /// <inheritdoc/>
    public override bool IsOpenModel => false;
}
