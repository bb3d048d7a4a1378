using System.Security.Cryptography;
using System.Text;

namespace SupportQueue.Silo.Security;

/// <summary>
/// Key format: <c>sq_&lt;id&gt;_&lt;secret&gt;</c>, the id 8 random bytes in hex (public, for listing and
/// revoking), the secret 32 random bytes in base64url. Only the SHA-256 of the whole key is stored:
/// with 256 random bits a plain hash is enough (nothing to guess, so no slow hash is needed).
/// </summary>
public static class ApiKeys
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>A new key and its id; the key is shown once and never stored.</summary>
    public static (string KeyId, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"sq_{id}_{secret}");
    }

    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }
}
