namespace SupportQueue.Core.Randomness;

/// <summary>Shared wording for specification checks, so every spec reports problems alike.</summary>
internal static class SpecChecks
{
    public static bool Positive(List<ValidationError> errors, string path, double? value)
    {
        if (value is not { } v)
        {
            errors.Add(new ValidationError(path, ValidationError.Missing, "required"));
            return false;
        }

        if (!double.IsFinite(v) || v <= 0)
        {
            errors.Add(new ValidationError(path, ValidationError.Format(v), "must be > 0"));
            return false;
        }

        return true;
    }

    public static bool NonNegative(List<ValidationError> errors, string path, double? value)
    {
        if (value is not { } v)
        {
            errors.Add(new ValidationError(path, ValidationError.Missing, "required"));
            return false;
        }

        if (!double.IsFinite(v) || v < 0)
        {
            errors.Add(new ValidationError(path, ValidationError.Format(v), "must be >= 0"));
            return false;
        }

        return true;
    }

    public static void NotUsed(List<ValidationError> errors, string path, object? value, string by)
    {
        if (value is not null)
        {
            var text = value switch
            {
                double d => ValidationError.Format(d),
                System.Collections.ICollection c => $"[{c.Count} items]",
                _ => value.ToString() ?? string.Empty,
            };
            errors.Add(new ValidationError(path, text, $"not used by {by}"));
        }
    }

    /// <summary>Reports a finite value above <paramref name="max"/>; absent and non-finite values are reported elsewhere.</summary>
    public static bool AtMost(List<ValidationError> errors, string path, double? value, double max, string reason)
    {
        if (value is { } v && double.IsFinite(v) && v > max)
        {
            errors.Add(new ValidationError(path, ValidationError.Format(v), reason));
            return false;
        }

        return true;
    }
}
