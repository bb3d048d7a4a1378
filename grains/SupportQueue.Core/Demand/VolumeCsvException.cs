using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Demand;

/// <summary>A volume CSV that cannot be read; <see cref="Errors"/> names the line, field and value of each problem.</summary>
public sealed class VolumeCsvException : FormatException
{
    public VolumeCsvException(IReadOnlyList<ValidationError> errors)
        : base("Invalid volume CSV: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
