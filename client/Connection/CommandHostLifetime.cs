using Microsoft.Extensions.Hosting;

namespace SupportQueue.Client.Connection;

/// <summary>
/// The lifetime of a host that a command owns: the command starts and stops it. The default console
/// lifetime would also take Ctrl+C for itself and hold the process at exit until the host has
/// stopped, which after Ctrl+C must not take longer than the 2 s the user is promised.
/// </summary>
internal sealed class CommandHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
