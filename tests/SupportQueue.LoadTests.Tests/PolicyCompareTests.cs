using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Commands;

namespace SupportQueue.LoadTests.Tests;

/// <summary>Policies as files, the live compare over seeds, and the CLI's answers to bad input.</summary>
public sealed class PolicyCompareTests : IDisposable
{
    // L1 is starved (one agent) while L2 and L3 have room; "borrow" lets them take waiting L1 tickets.
    private const string Strict = """{ "tiers": [ { "name": "L1" }, { "name": "L2" }, { "name": "L3" } ], "borrowing": { "enabled": false, "minWait": "00:00:30" } }""";
    private const string Borrow = """{ "tiers": [ { "name": "L1" }, { "name": "L2" }, { "name": "L3" } ], "borrowing": { "enabled": true, "minWait": "00:00:30" } }""";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"lt-compare-{Guid.NewGuid():N}");

    public PolicyCompareTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Policy_files_are_read_and_named_after_the_file()
    {
        var o = new CompareCommand.Settings
        {
            Policies = [File("strict.json", Strict), File("borrow.json", Borrow)], Seeds = "4",
            Thresholds = ["desk service_level >= 0.5", "p99 submit->assign < 20ms"],
        }.ToOptions();

        Assert.Equal(["strict", "borrow"], o.PolicyFiles.Select(p => p.Name).ToArray());
        Assert.True(o.PolicyFiles[1].Desk.Borrowing.Enabled);
        Assert.Equal(4, o.Seeds);
        Assert.Equal("desk service_level >= 0.5", Assert.Single(o.PolicyThresholds).Text);
        Assert.Equal(["p99 submit->assign < 20ms"], o.Thresholds.ToArray());
    }

    [Fact]
    public async Task Bad_policy_and_cluster_arguments_are_refused_with_the_reason()
    {
        var strict = File("strict.json", Strict);
        async Task<string> Message(params string[] args)
        {
            var (exit, output, error) = await LoadCli.RunAsync(args);
            Assert.True(exit == 2, output + error);
            return error;
        }

        Assert.Contains("$.agingStep", await Message("run", "--policy", File("bad.json", """{ "agingStep": "x" }""")), StringComparison.Ordinal);
        Assert.Contains("--policy front: does not fit scenario", await Message("run", "--policy", File("front.json", """{ "tiers": [ { "name": "front" } ] }""")), StringComparison.Ordinal);
        Assert.Contains("compare needs two or more policy files", await Message("compare", "--policy", strict), StringComparison.Ordinal);
        Assert.Contains("--cluster-id/--service-id: only for an external cluster", await Message("run", "--cluster-id", "blue"), StringComparison.Ordinal);
        Assert.Contains("--threshold: invalid value 'desk speed >= 1'", await Message("compare", "--threshold", "desk speed >= 1"), StringComparison.Ordinal);
        Assert.Equal("blue", new RunCommand.Settings { Gateway = "30000", ClusterId = "blue" }.ToOptions().ClusterId);
    }

    [Theory]
    [InlineData("--help", 0)]
    [InlineData("run --help", 0)]
    [InlineData("bench -h", 0)]
    [InlineData("run --rate fast", 2)]
    [InlineData("launch", 2)]
    public async Task Exit_codes_of_the_program(string args, int expected)
    {
        // The real entry point (top-level statements), as the shell would run it.
        var entry = typeof(LoadOptions).Assembly.EntryPoint!;
        var result = entry.Invoke(null, [args.Split(' ')]);
        var exit = result is Task<int> task ? await task : (int)result!;
        Assert.Equal(expected, exit);
    }
}
