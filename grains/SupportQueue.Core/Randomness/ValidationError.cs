using System.Globalization;

namespace SupportQueue.Core.Randomness;

/// <summary>
/// One problem found in a specification: where (a JSON path such as
/// <c>$.ticketClasses[1].handling.L2.mean</c>), the offending value as written, and why.
/// </summary>
public sealed record ValidationError(string Path, string Value, string Reason)
{
    /// <summary>Text used for a value that is absent.</summary>
    public const string Missing = "(missing)";

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Value} — {Reason}";

    internal static string Format(double? value) =>
        value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : Missing;

    internal static string Format(int? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : Missing;

    internal static string Format(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    internal static string Format(DateOnly value) =>
        value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
