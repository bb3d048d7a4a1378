namespace SupportQueue.Scheduling;

/// <summary>The problem cannot be solved as given; <see cref="Errors"/> names every field at fault. Thrown before any search.</summary>
public sealed class ShiftProblemException : ArgumentException
{
    public ShiftProblemException(IReadOnlyList<ShiftProblemError> errors)
        : base("Invalid shift problem: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ShiftProblemError> Errors { get; }
}
