namespace SupportQueue.Core.Model;

/// <summary>
/// A higher tier may take lower-tier tickets when its own queue is empty and the lower tier's
/// ticket has waited at least <see cref="MinWait"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.BorrowingSettings")]
public sealed record BorrowingSettings(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] TimeSpan MinWait);
