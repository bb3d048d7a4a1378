namespace SupportQueue.Core.Model;

/// <summary>
/// What a skill or tier name must be: a storable id (<see cref="StoredId"/>) without the characters
/// that separate names in a ticket-history trace (<c>billing;refunds</c>, <c>L1=4.5</c>,
/// <c>L1&gt;L2:reason</c>). A name holding one would be exported as something else and read back
/// wrong, so it is refused where it enters.
/// </summary>
public static class RecordName
{
    /// <summary>The trace's separators, none of which a name may hold.</summary>
    public const string Separators = ";=>:";

    /// <summary>Why <paramref name="value"/> cannot be a skill or tier name (with the value as it can be shown), or null when it can.</summary>
    public static (string? Shown, string Reason)? Problem(string? value)
    {
        if (StoredId.Problem(value) is { } notAnId)
        {
            return notAnId;
        }

        // StoredId refused null and blank: value is a name here.
        var name = value ?? "";
        var at = name.AsSpan().IndexOfAny(Separators);
        return at < 0 ? null : (name, $"must not hold '{name[at]}': ';', '=', '>' and ':' separate names in ticket-history traces");
    }

    /// <summary>Throws an InvalidArgument refusal naming <paramref name="field"/> and the value when <paramref name="value"/> cannot be a name.</summary>
    public static void Require(string field, string? value)
    {
        if (Problem(value) is { } problem)
        {
            throw SupportQueueException.Invalid(field, problem.Shown, problem.Reason);
        }
    }
}
