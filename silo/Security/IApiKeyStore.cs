namespace SupportQueue.Silo.Security;

/// <summary>Where keys live: PostgreSQL in PostgreSQL mode, this process's memory otherwise.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>Marks the key revoked; false when there is no such key or it already was.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The live (not revoked) key with this hash, or null.</summary>
    Task<ApiKeyRecord?> FindAsync(byte[] hash, CancellationToken cancellationToken = default);
}
