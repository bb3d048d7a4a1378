namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// The system under load, as far as the runner cares: started before the scenarios, stopped after them
/// (a chance to drain asynchronous completions such as submit→assign), optionally sampled for per-silo load.
/// Scenario steps talk to the target directly; the runner never calls into its business API.
/// </summary>
public interface ILoadTarget
{
    /// <summary>Shown in reports.</summary>
    string Name { get; }

    /// <summary>Prepares the target; <paramref name="context"/> carries the measurements and clock for asynchronous recordings.</summary>
    Task StartAsync(LoadTargetContext context, CancellationToken cancellationToken);

    /// <summary>Called after every scenario has finished and drained; record late completions before returning.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called about once per second: work handled per silo since the previous call (silo name → count),
    /// or null when the target has no such notion.
    /// </summary>
    ValueTask<IReadOnlyDictionary<string, long>?> SampleSiloLoadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<string, long>?>(null);
}
