using Npgsql;

namespace SupportQueue.Silo.Security;

/// <summary>Keys in the <c>supportqueue_api_keys</c> table (migration 0004), shared by every silo and the CLI.</summary>
public sealed class PostgresApiKeyStore(string connectionString) : IApiKeyStore
{
    private const string Columns = "key_id, key_hash, desk_id, role, agent_id, created_at, revoked_at";

    public async Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO supportqueue_api_keys ({Columns}) VALUES (@id, @hash, @desk, @role, @agent, @created, NULL)", connection);
        command.Parameters.AddWithValue("id", key.KeyId);
        command.Parameters.AddWithValue("hash", key.Hash);
        command.Parameters.AddWithValue("desk", key.DeskId);
        command.Parameters.AddWithValue("role", key.Role.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("agent", (object?)key.AgentId ?? DBNull.Value);
        command.Parameters.AddWithValue("created", key.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE supportqueue_api_keys SET revoked_at = @at WHERE key_id = @id AND revoked_at IS NULL", connection);
        command.Parameters.AddWithValue("id", keyId);
        command.Parameters.AddWithValue("at", at);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM supportqueue_api_keys ORDER BY created_at, key_id", connection);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindAsync(byte[] hash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM supportqueue_api_keys WHERE key_hash = @hash AND revoked_at IS NULL", connection);
        command.Parameters.AddWithValue("hash", hash);
        var keys = await ReadAsync(command, cancellationToken);
        return keys.Count == 1 ? keys[0] : null;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<IReadOnlyList<ApiKeyRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var keys = new List<ApiKeyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeyRecord(
                reader.GetString(0),
                (byte[])reader.GetValue(1),
                reader.GetString(2),
                Enum.Parse<ApiRole>(reader.GetString(3), ignoreCase: true),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return keys;
    }
}
