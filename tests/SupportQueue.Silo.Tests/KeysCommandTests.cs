using SupportQueue.Hosting;
using SupportQueue.Silo.Security;

namespace SupportQueue.Silo.Tests;

/// <summary>
/// <c>silo -- keys</c> without a usable database or with ids that could never be keyed: one line
/// saying what is wrong and a documented exit code, never a stack trace (it aborted with exit 134).
/// </summary>
public sealed class KeysCommandTests
{
    // Port 1: nothing listens there, so the connection is refused at once.
    private static readonly SupportQueueOptions _unreachable = new()
    {
        Storage = StorageKind.PostgreSQL,
        ConnectionString = "Host=127.0.0.1;Port=1;Username=sq;Password=x;Database=keys;Timeout=3",
    };

    [Theory]
    [InlineData("create", "--desk", "support", "--role", "admin")]
    [InlineData("revoke", "3f9c2a7d1b0e4c55")]
    [InlineData("list")]
    public async Task Unreachable_database_is_one_line_and_exit_3(params string[] args)
    {
        var output = new StringWriter();

        var exit = await KeysCommand.RunAsync(args, _unreachable, output, TimeProvider.System);

        Assert.Equal(3, exit);
        Assert.Contains("Cannot reach PostgreSQL database 'keys' on 127.0.0.1:1", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u001B[31mred", "desk: '\\u001B[31mred' — character 0 (U+001B) is not printable")]
    [InlineData(" ", "desk: ' ' — must not be empty")]
    public async Task A_desk_that_could_not_be_keyed_is_refused_before_the_database(string desk, string expected)
    {
        var output = new StringWriter();

        var exit = await KeysCommand.RunAsync(["create", "--desk", desk, "--role", "admin"], _unreachable, output, TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Contains("keys create: " + expected, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', output.ToString());
    }
}
