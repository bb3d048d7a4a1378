namespace SupportQueue.LoadTests.Runner;

/// <summary>Changes the number of looping copies linearly from the previous phase's count (0 if none) to <see cref="Copies"/>.</summary>
public sealed record RampingConstantSimulation : LoadSimulation
{
    internal RampingConstantSimulation(int copies, TimeSpan during)
        : base(during)
    {
        Copies = (int)Checks.NonNegative(copies, nameof(copies));
    }

    /// <summary>Copies at the end of the phase.</summary>
    public int Copies { get; }

    /// <inheritdoc/>
    public override bool IsOpenModel => false;
}
