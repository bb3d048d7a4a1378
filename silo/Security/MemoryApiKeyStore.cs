using System.Collections.Concurrent;

namespace SupportQueue.Silo.Security;

/// <summary>Keys in this process's memory (memory mode): gone with the process, like the grains' state.</summary>
public sealed class MemoryApiKeyStore : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);

    public Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_keys.TryAdd(key.KeyId, key))
        {
            throw new InvalidOperationException($"key id {key.KeyId} exists");
        }

        return Task.CompletedTask;
    }

    public Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var revoked = _keys.TryGetValue(keyId, out var key) && !key.IsRevoked && _keys.TryUpdate(keyId, key with { RevokedAt = at }, key);
        return Task.FromResult(revoked);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. _keys.Values.OrderBy(k => k.CreatedAt)]);

    public Task<ApiKeyRecord?> FindAsync(byte[] hash, CancellationToken cancellationToken = default) =>
        Task.FromResult(_keys.Values.FirstOrDefault(k => !k.IsRevoked && k.Hash.AsSpan().SequenceEqual(hash)));
}
