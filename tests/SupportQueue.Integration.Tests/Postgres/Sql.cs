using System.Data;
using System.Text;
using Npgsql;

namespace SupportQueue.Integration.Tests.Postgres;

/// <summary>Small ADO helpers for inspecting a test database.</summary>
internal static class Sql
{
    public static async Task<List<object?[]>> RowsAsync(string connectionString, string sql, params (string Name, DbType Type, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, type, value) in parameters)
        {
            // Typed exactly as Orleans' DbExtensions.AddParameter does: DbType from the C# type, no prefix.
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name, DbType = type, Value = value ?? DBNull.Value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        var rows = await RowsAsync(connectionString, sql);
        return rows.Count == 0 ? null : rows[0][0];
    }

    public static Task ExecuteAsync(string connectionString, string sql) => RowsAsync(connectionString, sql);

    /// <summary>Runs the stored query text of an Orleans query key, as the providers would.</summary>
    public static async Task<List<object?[]>> OrleansQueryAsync(string connectionString, string key, params (string Name, DbType Type, object? Value)[] parameters)
    {
        var text = (string?)(await RowsAsync(connectionString, "SELECT querytext FROM orleansquery WHERE querykey = @k", ("k", DbType.String, key))).Single()[0];
        return await RowsAsync(connectionString, text!, parameters);
    }

    /// <summary>
    /// Everything a migration can change, as text: tables, columns, constraints, indexes, the
    /// query catalog and the migration records. Used to prove that a second run changes nothing.
    /// </summary>
    public static async Task<string> SchemaFingerprintAsync(string connectionString)
    {
        var text = new StringBuilder();
        foreach (var query in new[]
        {
            "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2",
            "SELECT querykey, md5(querytext) FROM orleansquery ORDER BY 1",
            "SELECT version, name, checksum, applied_at::text FROM schema_migrations ORDER BY 1",
        })
        {
            foreach (var row in await RowsAsync(connectionString, query))
            {
                text.AppendLine(string.Join(" | ", row));
            }

            text.AppendLine("--");
        }

        return text.ToString();
    }
}
