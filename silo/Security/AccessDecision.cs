namespace SupportQueue.Silo.Security;

/// <summary>
/// The access rule's answer; <see cref="Reason"/> says why a request is refused, and
/// <see cref="Field"/> and <see cref="Value"/> name the desk or agent the key may not act on, if one.
/// </summary>
public sealed record AccessDecision(bool Allowed, string Reason, string? Field = null, string? Value = null)
{
    public static readonly AccessDecision Allow = new(true, "allowed");

    public static AccessDecision Deny(string reason, string? field = null, string? value = null) => new(false, reason, field, value);
}
