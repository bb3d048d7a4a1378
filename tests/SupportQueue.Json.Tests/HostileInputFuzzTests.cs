using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using SupportQueue.Core.Simulation;
using SupportQueue.Testing;
using Xunit.Abstractions;

namespace SupportQueue.Json.Tests;

/// <summary>
/// Issue 11 fuzz suite: the shipped scenario and desk files with one to three fields replaced by
/// values at the edges (zero, negative, max, NaN/∞ as text, huge durations, far dates, empty and
/// control-character and very long strings, null, wrong shapes), removed, or duplicated.
/// Property: reading never throws; a refusal names a JSON path; a scenario that is accepted and
/// within the work budget runs one replication to its horizon without an exception, within a
/// bounded time (cancelled and failed after 30 s).
/// </summary>
public class HostileInputFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 1500;

    /// <summary>Runs bigger than this many estimated events are checked but not run, so each case stays short.</summary>
    private const double MaxRunEvents = 300_000;

    private static readonly Func<JsonNode?>[] _edges =
    [
        () => 0, () => -1, () => 1, () => int.MaxValue, () => int.MinValue, () => long.MaxValue, () => 1e308, () => -1e308, () => 1e-300,
        () => 4.9e-324, () => 0.5, () => 1e300, () => 525_600, () => 525_601, () => 1e6, () => 1e9,
        () => "NaN", () => "Infinity", () => "-Infinity",
        () => "3000000.00:00:00", () => "10675199.02:48:05.4775807", () => "-10675199.02:48:05.4775808", () => "-00:00:01", () => "00:00:00",
        () => "365.00:00:00", () => "365.00:00:01", () => "23:59:59", () => "1.00:00:00",
        () => "9999-12-31T23:59:59", () => "0001-01-01T00:00:00", () => "9000-12-31T00:00:00", () => "1999-12-31T00:00:00",
        () => "", () => " ", () => "\u0000", () => "\u0001\u001f\u007f", () => new string('x', 10_000), () => "L1", () => "L2", () => "P1", () => "*",
        () => "exponential", () => "fixed", () => "WaitTimeout",
        () => null, () => new JsonArray(), () => new JsonObject(), () => true, () => new JsonArray(1e308, 1e308),
    ];

    private static readonly JsonDocumentOptions _lenient = new() { CommentHandling = JsonCommentHandling.Skip };

    [Fact]
    public void Mutated_scenarios_are_refused_with_a_path_or_run()
    {
        // Short and small, so an unchanged or harmlessly changed scenario runs in milliseconds.
        var baseline = Load("mmc-sanity.json");
        baseline["horizon"] = "1.00:00:00";
        baseline["replications"] = 1;
        baseline["demand"]!["baseVolume"] = 20;
        var tally = Fuzz(baseline, CheckScenario);
        Report("scenario", tally);
    }

    [Fact]
    public void Mutated_desk_settings_are_refused_with_a_path_or_drive_a_run()
    {
        var tally = Fuzz(Load("desk-default.json"), CheckDesk);
        Report("desk settings", tally);
    }

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", file)), documentOptions: _lenient)!.AsObject();

    private static Tally Fuzz(JsonObject baseline, Action<string, Tally> check)
    {
        var leaves = new List<JsonNode>();
        JsonTree.Walk(baseline, leaves);
        var mutation = Gen.Select(Gen.Int[0, 1 << 20], Gen.Int[0, _edges.Length - 1], Gen.Int[0, 5]);
        var tally = new Tally();
        Gen.Select(mutation.Array[1, 3], Gen.Int[0, 3]).Sample(
            m =>
            {
                var text = Apply(baseline, m.Item1, m.Item2);
                Interlocked.Increment(ref tally.Cases);
                check(text, tally);
            },
            iter: Cases,
            threads: 2);
        return tally;
    }

    private static string Apply(JsonObject baseline, (int Where, int Edge, int Op)[] mutations, int shape)
    {
        var root = baseline.DeepClone().AsObject();
        foreach (var (where, edge, op) in mutations)
        {
            var nodes = new List<JsonNode>();
            JsonTree.Walk(root, nodes);
            var target = nodes[where % nodes.Count];
            var parent = target.Parent;
            switch (op)
            {
                case 0 or 1 or 2 when parent is JsonObject o:
                    o[target.GetPropertyName()] = _edges[edge]();
                    break;
                case 0 or 1 or 2 when parent is JsonArray a:
                    a[target.GetElementIndex()] = _edges[edge]();
                    break;
                case 3 when parent is JsonObject o:
                    o.Remove(target.GetPropertyName());
                    break;
                case 3 when parent is JsonArray a:
                    a.RemoveAt(target.GetElementIndex());
                    break;
                case 4 when parent is JsonArray a:
                    a.Add(target.DeepClone());
                    break;
                case 4 when parent is JsonObject o:
                    o["unknownField" + (where % 3)] = _edges[edge]();
                    break;
                default:
                    if (target is JsonArray list)
                    {
                        list.Insert(0, _edges[edge]());
                    }

                    break;
            }
        }

        var text = root.ToJsonString();

        // Now and then a duplicate key, which the strict dialect must refuse.
        return shape == 0 ? text.Insert(1, "\"name\":\"dup\",") : text;
    }

    private static void CheckScenario(string text, Tally tally)
    {
        var read = ScenarioJson.Read(text);
        if (read.Value is not { } scenario)
        {
            Refused(read.Errors, text, tally);
            return;
        }

        Run(scenario, text, tally);
    }

    private static void CheckDesk(string text, Tally tally)
    {
        var read = DeskSettingsJson.Read(text);
        if (read.Value is not { } desk)
        {
            Refused(read.Errors, text, tally);
            return;
        }

        // Accepted settings drive a small run: one agent group per tier, every ticket class handled anywhere.
        var scenario = ScenarioJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "mmc-sanity.json"))).Value! with
        {
            Horizon = TimeSpan.FromHours(12),
            Replications = 1,
            Desk = desk,
            Roster = new RosterSpec([.. desk.Tiers.Select((t, i) => new AgentGroupSpec($"g{i}", t.Name, 3))]),
            Demand = new Core.Demand.DemandProfile { BaseVolume = 20, IntervalMinutes = 30 },
        };
        Assert.True(scenario.Validate().Count == 0, string.Join("\n", scenario.Validate()) + "\n" + text);
        Run(scenario, text, tally);
    }

    private static void Refused(IReadOnlyList<string> errors, string text, Tally tally)
    {
        Interlocked.Increment(ref tally.Refused);
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            Assert.True(error.StartsWith('$'), $"refusal without a path: {error}\n{Shorten(text)}");
        }
    }

    private static void Run(Scenario scenario, string text, Tally tally)
    {
        var estimate = WorkEstimate.Of(scenario, 1);
        if (estimate.Check(WorkBudget.Default) is { Count: > 0 } over)
        {
            Refused(over, text, tally);
            return;
        }

        if (estimate.EventsPerReplication > MaxRunEvents)
        {
            Interlocked.Increment(ref tally.TooBigToRun);
            return;
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var result = new SimulationRun(scenario with { Replications = 1 }, 0).RunFast(cancellationToken: limit.Token);
            Assert.True(result.Events >= 0);
            Interlocked.Increment(ref tally.Ran);
        }
        catch (Core.Model.SupportQueueException ex) when (ex.Code == Core.Model.RefusalCode.QueueFull)
        {
            // Known gap (issue 11, left open): the simulation does not yet model a full desk's
            // refusal; the CLI reports it with exit 2, but without a path and after the work began.
            Interlocked.Increment(ref tally.QueueFull);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"a run did not finish in 30 s (estimated {estimate.EventsPerReplication:0} events)\n{Shorten(text)}");
        }
    }

    private static string Shorten(string text) => text.Length > 4000 ? text[..4000] + "…" : text;

    private void Report(string what, Tally tally)
    {
        output.WriteLine($"{what}: {tally.Cases} cases, {tally.Refused} refused with a path, {tally.Ran} ran, {tally.TooBigToRun} accepted but too big to run here, {tally.QueueFull} stopped by a full desk");
        Assert.Equal(Cases, tally.Cases);

        // Both outcomes must be common, or the generator has stopped reaching one of them.
        Assert.True(tally.Refused > Cases / 10, $"only {tally.Refused} refused");
        Assert.True(tally.Ran > Cases / 20, $"only {tally.Ran} ran");
    }

    private sealed class Tally
    {
        public int Cases;
        public int Refused;
        public int Ran;
        public int TooBigToRun;
        public int QueueFull;
    }
}
