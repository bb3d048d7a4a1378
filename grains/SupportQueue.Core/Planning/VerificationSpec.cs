namespace SupportQueue.Core.Planning;

/// <summary>
/// How the roster is checked: simulate it with fresh seeds (<see cref="Seed"/>; null: the
/// scenario's seed + 1000, so the check does not reuse the draws the requirement was fitted to)
/// over <see cref="Replications"/> replications (null: the scenario's own); wherever an interval's
/// confidence interval lies wholly below its target (with <see cref="RaiseOnMean"/>: wherever its
/// mean is below the target), raise its requirement and solve again, at most <see cref="Rounds"/>
/// times after the first check. Raising on the mean meets more intervals on these seeds at the cost
/// of chasing noise.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.VerificationSpec")]
public sealed record VerificationSpec(
    [property: Id(0)] int Rounds = 3,
    [property: Id(1)] int? Replications = null,
    [property: Id(2)] ulong? Seed = null,
    [property: Id(3)] bool RaiseOnMean = false)
{
    public static VerificationSpec Default { get; } = new();
}
