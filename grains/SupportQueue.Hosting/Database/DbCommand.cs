namespace SupportQueue.Hosting.Database;

/// <summary>
/// The <c>db</c> command line verbs, kept here so the silo's Program only forwards to it:
/// <c>db migrate</c> applies pending migrations, <c>db status</c> reports without changing anything.
/// </summary>
public static class DbCommand
{
    public const string Usage = "usage: db migrate | db status   (uses SupportQueue:ConnectionString)";

    /// <summary>Runs a verb; <paramref name="args"/> are the words after <c>db</c>. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, SupportQueueOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Count != 1 || args[0] is not ("migrate" or "status"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            await output.WriteLineAsync($"{SupportQueueOptions.SectionName}:ConnectionString is empty: set it (e.g. the SupportQueue__ConnectionString environment variable).");
            return 2;
        }

        var target = DatabaseCheck.Describe(options.ConnectionString);
        try
        {
            if (args[0] == "migrate")
            {
                var applied = await PostgresMigrator.MigrateAsync(options.ConnectionString, cancellationToken);
                await output.WriteLineAsync(applied.Count == 0
                    ? $"{target}: already up to date."
                    : $"{target}: applied {string.Join(", ", applied.Select(m => m.Name))}.");
                return 0;
            }

            var status = await PostgresMigrator.GetStatusAsync(options.ConnectionString, cancellationToken);
            foreach (var a in status.Applied)
            {
                await output.WriteLineAsync($"applied  {a.Name}  {a.AppliedAt:u}");
            }

            foreach (var m in status.Pending)
            {
                await output.WriteLineAsync($"pending  {m.Name}");
            }

            foreach (var m in status.Mismatched)
            {
                await output.WriteLineAsync($"CHANGED  {m.Name}  (the file differs from what was applied)");
            }

            foreach (var a in status.Unknown)
            {
                await output.WriteLineAsync($"newer    {a.Name}  (not in this build)");
            }

            await output.WriteLineAsync(status.IsCurrent ? $"{target}: up to date." : $"{target}: NOT up to date; run `db migrate`.");
            return status.IsCurrent ? 0 : 1;
        }
        catch (DatabaseNotReadyException e)
        {
            // The silo's exit code for "database not ready" (docs/operations.md).
            await output.WriteLineAsync(e.Message);
            return 3;
        }
    }
}
