namespace SupportQueue.LoadTests.Orleans;

/// <summary>The verdict: where every ticket ended up and every broken rule.</summary>
public sealed record InvariantReport(
    long Accounted,
    long Resolved,
    long Queued,
    long InService,
    long Abandoned,
    long UncertainFound,
    IReadOnlyList<string> Violations)
{
    public bool Passed => Violations.Count == 0;

    /// <summary>Each submit whose caller heard an error or no answer, and whether its ticket was stored after all.</summary>
    public IReadOnlyList<UncertainSubmit> UncertainSubmits { get; init; } = [];
}
