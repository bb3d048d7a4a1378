using System.Collections.Concurrent;

namespace SupportQueue.Silo.Security;

/// <summary>
/// Looked-up keys for a short while, so a request does not cost a database query; a revoked key
/// stops working within <see cref="SecurityOptions.CacheFor"/>. Unknown keys are cached too, so a
/// client with a wrong key cannot make every request a query.
/// </summary>
public sealed class ApiKeyCache(IApiKeyStore store, SecurityOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (ApiKeyRecord? Key, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public async Task<ApiKeyRecord?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(presented);
        var cacheKey = Convert.ToHexString(hash);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(cacheKey, out var entry) && entry.Until > now)
        {
            return entry.Key;
        }

        if (_entries.Count > 100_000)
        {
            _entries.Clear();
        }

        var key = await store.FindAsync(hash, cancellationToken);
        _entries[cacheKey] = (key, now + options.CacheFor);
        return key;
    }
}
