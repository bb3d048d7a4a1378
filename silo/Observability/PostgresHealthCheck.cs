using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SupportQueue.Silo.Observability;

/// <summary>Ready when PostgreSQL answers a query within a few seconds.</summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            // Pooling off: a pooled connection would answer from a socket to a server that has gone.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = (int)_timeout.TotalSeconds };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer: " + ex.Message);
        }
    }
}
