namespace SupportQueue.Scheduling;

/// <summary>
/// How long and how the CP-SAT search runs. <see cref="TimeLimit"/> bounds the wall-clock time of
/// the whole solve (all phases). With <see cref="Deterministic"/> the workers interleave in fixed
/// batches, so a fixed <see cref="Seed"/> and <see cref="Workers"/> give the same roster every time
/// — as long as the search ends by proving optimality, reaching <see cref="RelativeGapLimit"/> or
/// <see cref="DeterministicTimeLimit"/>; a stop by the wall clock depends on machine speed.
/// </summary>
public sealed record SolverOptions
{
    public CoverageMode Mode { get; init; } = CoverageMode.Auto;

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>CP-SAT's deterministic time (its own work units, roughly seconds); null: none.</summary>
    public double? DeterministicTimeLimit { get; init; }

    public int Workers { get; init; } = 1;

    public int Seed { get; init; } = 1;

    public bool Deterministic { get; init; } = true;

    /// <summary>Stop once (objective − bound) / objective is at most this; 0 = prove optimality.</summary>
    public double RelativeGapLimit { get; init; }

    public static SolverOptions Default { get; } = new();
}
