using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Tests;

/// <summary>Runs the <c>loadtests</c> command line in this process, as a shell would, and captures what it writes.</summary>
internal static class LoadCli
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LoadTestsCli.RunAsync(args, LoadConsoles.Recording(output, error), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
