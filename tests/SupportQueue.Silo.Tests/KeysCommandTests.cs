using SupportQueue.Hosting;
using SupportQueue.Hosting.Database;
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

    /// <summary>docs/operations.md: a silo's exit code 3 is "database not ready", 2 invalid settings; <c>db</c> said 1 for both.</summary>
    [Fact]
    public async Task Db_commands_use_the_silo_exit_codes_for_an_unreachable_database_and_a_missing_connection_string()
    {
        var output = new StringWriter();

        Assert.Equal(3, await DbCommand.RunAsync(["status"], _unreachable, output));
        Assert.Equal(3, await DbCommand.RunAsync(["migrate"], _unreachable, output));
        Assert.Equal(2, await DbCommand.RunAsync(["status"], new SupportQueueOptions { Storage = StorageKind.PostgreSQL }, output));
        Assert.Contains("Cannot reach PostgreSQL database 'keys' on 127.0.0.1:1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("ConnectionString is empty", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_in_memory_mode_is_a_settings_error()
    {
        var output = new StringWriter();

        Assert.Equal(2, await KeysCommand.RunAsync(["list"], new SupportQueueOptions(), output, TimeProvider.System));
        Assert.Contains("keys are stored in PostgreSQL", output.ToString(), StringComparison.Ordinal);
    }
}
