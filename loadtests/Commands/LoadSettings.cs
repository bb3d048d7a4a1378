using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Core.Comparison;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Commands;

/// <summary>
/// The options every load command (run, scale, compare, bench) takes. Values arrive as text and are
/// checked in <see cref="Validate"/> with the messages of <see cref="OptionValues"/>, before any silo starts.
/// </summary>
public abstract class LoadSettings : CommandSettings
{
    /// <summary>The command's name, which picks its defaults (<see cref="LoadOptions.For"/>).</summary>
    protected abstract string CommandName { get; }

    /// <summary>compare also takes rules on policy metrics in --threshold.</summary>
    protected virtual bool PolicyRulesAllowed => false;

    [CommandOption("--rate <N>")]
    [Description("Arrivals per second (the peak when seasonal) [[200]].")]
    public string? Rate { get; init; }

    [CommandOption("--duration <T>")]
    [Description("How long arrivals run, e.g. 30s, 2m, 500ms [[30s; bench: 20s per rate; scale: 20s]].")]
    public string? Duration { get; init; }

    [CommandOption("--seasonal-week-in <T>")]
    [Description("Replay a demand week (intraday x weekday x events) in wall time T, e.g. 60s.")]
    public string? SeasonalWeekIn { get; init; }

    [CommandOption("--profile <FILE>")]
    [Description("Demand profile JSON for the seasonal week [[built-in office week]].")]
    public string? Profile { get; init; }

    [CommandOption("--silos <N>")]
    [Description("In-process silos [[1]].")]
    public string? Silos { get; init; }

    [CommandOption("--agents <COUNTS>")]
    [Description("Agents per tier: auto, N, or L1,L2,L3 [[auto: ~70% busy at the rate]].")]
    public string? Agents { get; init; }

    [CommandOption("--capacity <N>")]
    [Description("Tickets per agent at once [[2]].")]
    public string? Capacity { get; init; }

    [CommandOption("--compress <F>")]
    [Description("Simulated seconds per wall second for flat runs [[600; bench, scale: 6000]].")]
    public string? Compress { get; init; }

    [CommandOption("--policy <POLICY>")]
    [Description("a: wait timeouts L1 10 min, L2 20 min; b: overflow L1 at 20 queued + skill gap [[a; bench, scale: b]]; " +
        "or a desk settings JSON file (format of client/scenarios/desk-default.json, tiers L1, L2, L3). The last one counts (compare: see there).")]
    public string[] Policies { get; init; } = [];

    [CommandOption("--patience <MIN>")]
    [Description("Mean customer patience in simulated minutes; 0 = never abandon [[off; compare: 6]].")]
    public string? Patience { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Random seed: arrivals and every ticket's attributes [[1]].")]
    public string? Seed { get; init; }

    [CommandOption("--threshold <RULE>")]
    [Description("Fails the run (exit 1) when missed, e.g. \"p99 submit->assign < 20ms\", \"fail% < 1\". Repeatable.")]
    public string[] Thresholds { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("Report folder [[out/load]].")]
    public string? Out { get; init; }

    [CommandOption("--tail <T>")]
    [Description("Agents keep working this long after the last arrival [[1s]].")]
    public string? Tail { get; init; }

    [CommandOption("--roster <MODE>")]
    [Description("Seasonal runs: all agents signed in from the start, or follow (staffing follows demand, floor 25%) [[all]].")]
    public string? Roster { get; init; }

    [CommandOption("--warmup <T>")]
    [Description("Unreported warm-up run before each measured run; 0 = none [[3s]].")]
    public string? Warmup { get; init; }

    [CommandOption("--utilisation <U>")]
    [Description("--agents auto sizes agents for this busy share at the rate, 0.01..1 [[0.7; bench, scale: 0.4]].")]
    public string? Utilisation { get; init; }

    [CommandOption("--no-live")]
    [Description("No live console table.")]
    public bool NoLive { get; init; }

    public override ValidationResult Validate()
    {
        try
        {
            _ = ToOptions();
            return ValidationResult.Success();
        }
        catch (UsageException ex)
        {
            return ValidationResult.Error(ex.Message);
        }
    }

    /// <summary>The options this command line stands for; throws <see cref="UsageException"/> naming a bad argument.</summary>
    public LoadOptions ToOptions()
    {
        var o = LoadOptions.For(CommandName);
        var policies = new List<NamedPolicy>();
        foreach (var policy in Policies)
        {
            o = policy.ToUpperInvariant() switch
            {
                "A" => o with { Policy = EscalationPolicyChoice.A },
                "B" => o with { Policy = EscalationPolicyChoice.B },
                _ => Add(o, policies, OptionValues.PolicyFile("--policy", policy, policies)),
            };
        }

        var runnerThresholds = new List<string>();
        var policyThresholds = new List<PolicyThreshold>();
        foreach (var text in Thresholds)
        {
            var (runner, rule) = OptionValues.ThresholdRule(text, PolicyRulesAllowed);
            if (runner is not null)
            {
                runnerThresholds.Add(runner);
            }

            if (rule is not null)
            {
                policyThresholds.Add(rule);
            }
        }

        o = o with
        {
            Rate = Rate is null ? o.Rate : OptionValues.Number("--rate", Rate, min: 0.001),
            Duration = Duration is null ? o.Duration : OptionValues.Span("--duration", Duration),
            SeasonalWeekIn = SeasonalWeekIn is null ? null : OptionValues.Span("--seasonal-week-in", SeasonalWeekIn),
            ProfilePath = Profile is null ? null : File.Exists(Profile) ? Profile : throw OptionValues.Bad("--profile", Profile, "no such file"),
            Silos = Silos is null ? o.Silos : OptionValues.Int("--silos", Silos, 1, 16),
            Agents = Agents is null ? o.Agents : OptionValues.AgentCounts("--agents", Agents),
            Capacity = Capacity is null ? o.Capacity : OptionValues.Int("--capacity", Capacity, 1, 1000),
            Compress = Compress is null ? o.Compress : OptionValues.Number("--compress", Compress, min: 1),
            PolicyFiles = [.. policies],
            PatienceMinutes = Patience is null ? o.PatienceMinutes : OptionValues.Number("--patience", Patience, min: 0),
            Seed = Seed is null ? o.Seed : OptionValues.Int("--seed", Seed, int.MinValue, int.MaxValue),
            Thresholds = [.. runnerThresholds],
            PolicyThresholds = [.. policyThresholds],
            Out = Out is null ? o.Out : OptionValues.NonEmpty("--out", Out),
            Tail = Tail is null ? o.Tail : OptionValues.Span("--tail", Tail),
            FollowRoster = Roster switch { null or "all" => false, "follow" => true, _ => throw OptionValues.Bad("--roster", Roster, "expected all or follow") },
            Warmup = Warmup is null ? o.Warmup : Warmup == "0" ? TimeSpan.Zero : OptionValues.Span("--warmup", Warmup),
            Utilisation = Utilisation is null ? o.Utilisation
                : OptionValues.Number("--utilisation", Utilisation, min: 0.01) is var u && u <= 1 ? u : throw OptionValues.Bad("--utilisation", Utilisation, "expected a number in 0.01..1"),
            Live = !NoLive,
        };
        o = Refine(o);
        if (o.FollowRoster && o.SeasonalWeekIn is null)
        {
            throw new UsageException("--roster follow: needs --seasonal-week-in (there is no demand curve to follow)");
        }

        return o;
    }

    /// <summary>The options a subclass adds, and its own cross-checks.</summary>
    protected virtual LoadOptions Refine(LoadOptions options) => options;

    private static LoadOptions Add(LoadOptions o, List<NamedPolicy> policies, NamedPolicy policy)
    {
        policies.Add(policy);
        return o;
    }
}
