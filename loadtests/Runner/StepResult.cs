namespace SupportQueue.LoadTests.Runner;

/// <summary>Outcome of one step.</summary>
public readonly record struct StepResult
{
    private StepResult(bool isSuccess, string? failureKind)
    {
        IsSuccess = isSuccess;
        FailureKind = failureKind;
    }

    /// <summary>Whether the step succeeded.</summary>
    public bool IsSuccess { get; }

    /// <summary>Failure category (e.g. "timeout", "rejected") when not successful.</summary>
    public string? FailureKind { get; }

    /// <summary>Success.</summary>
    public static StepResult Ok() => new(true, null);

    /// <summary>Failure of the given kind.</summary>
    public static StepResult Fail(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new(false, kind);
    }
}
