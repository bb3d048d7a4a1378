namespace SupportQueue.Silo.Security;

/// <summary>A stored key: its public id, the SHA-256 of the key, and what it may do.</summary>
/// <param name="KeyId">The key's public id (its prefix), for listing and revoking.</param>
/// <param name="Hash">SHA-256 of the whole key.</param>
/// <param name="DeskId">The desk the key acts on; <c>*</c> for a cluster admin (admin of every desk).</param>
/// <param name="Role">What the key may do on its desk.</param>
/// <param name="AgentId">For an agent key, the only agent it may act as.</param>
/// <param name="CreatedAt">When the key was made.</param>
/// <param name="RevokedAt">When it was revoked; a revoked key is refused.</param>
public sealed record ApiKeyRecord(
    string KeyId,
    byte[] Hash,
    string DeskId,
    ApiRole Role,
    string? AgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>The desk id a cluster admin key carries.</summary>
    public const string AllDesks = "*";

    public bool IsRevoked => RevokedAt is not null;
}
