namespace SupportQueue.Core.Planning;

/// <summary>
/// How the roster is checked: simulate it with fresh seeds (<see cref="Seed"/>; null: the
/// scenario's seed + 1000, so the check does not reuse the draws the requirement was fitted to;
/// round v uses that seed + v) over <see cref="Replications"/> replications (null: the scenario's
/// own); wherever a covered interval's confidence interval lies wholly below its target (and, with
/// <see cref="RaiseOnMean"/>, the default, wherever its mean is below the target), raise its
/// requirement and solve again, at most <see cref="Rounds"/> times after the first check. Why on the
/// mean: the requirement is the least head count meeting the target on the requirement's own
/// draws, so on independent draws about half the intervals right at the edge fall below by chance;
/// one more agent there (a tenth more when far below) is the noise margin, bounded by the rounds,
/// and each round is judged on draws its raises were not taken from.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.VerificationSpec")]
public sealed record VerificationSpec(
    [property: Id(0)] int Rounds = 3,
    [property: Id(1)] int? Replications = null,
    [property: Id(2)] ulong? Seed = null,
    [property: Id(3)] bool RaiseOnMean = true)
{
    public static VerificationSpec Default { get; } = new();
}
