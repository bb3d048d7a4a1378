namespace SupportQueue.Silo.Security;

/// <summary>The access rule's answer; <see cref="Reason"/> says why a request is refused.</summary>
public sealed record AccessDecision(bool Allowed, string Reason)
{
    public static readonly AccessDecision Allow = new(true, "allowed");

    public static AccessDecision Deny(string reason) => new(false, reason);
}
