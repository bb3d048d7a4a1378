namespace SupportQueue.Scheduling;

/// <summary>One problem in a shift problem: the field (e.g. <c>templates[1] ('late').breaks[0].latestStart</c>), its value as given, and why.</summary>
public sealed record ShiftProblemError(string Field, string Value, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Value} — {Reason}";
}
