using Microsoft.Extensions.Logging;

namespace SupportQueue.Hosting.Database;

/// <summary>
/// Runs <see cref="PostgresStartup.PrepareAsync"/> as the silo's very first lifecycle step, so a
/// host that was built without calling it still migrates (MigrateOnStart) or stops at once with
/// the check's advice, instead of failing later inside the ADO.NET providers with a bare
/// "relation orleansquery does not exist". After an explicit PrepareAsync it is one cheap query.
/// </summary>
internal sealed partial class SiloDatabaseGate(SupportQueueOptions options, ILogger<SiloDatabaseGate> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloDatabaseGate), ServiceLifecycleStage.First, OnStartAsync);

    private async Task OnStartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applied = await PostgresStartup.PrepareAsync(options, cancellationToken);
            if (applied.Count > 0)
            {
                LogApplied(logger, string.Join(", ", applied.Select(m => m.Name)), DatabaseCheck.Describe(options.ConnectionString!));
            }
        }
        catch (DatabaseNotReadyException e)
        {
            LogNotReady(logger, e.Problem, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migrations {Migrations} to {Database}")]
    private static partial void LogApplied(ILogger logger, string migrations, string database);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The silo cannot start: database problem {Problem}: {Advice}")]
    private static partial void LogNotReady(ILogger logger, DatabaseProblem problem, string advice);
}
