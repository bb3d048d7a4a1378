using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Core.Comparison;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Orleans;
using SupportQueue.LoadTests.Scenarios;

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

    [CommandOption("--scenario <FILE>")]
    [Description("Scenario file (the format simulate reads): tiers, roster groups with skills, capacity and shifts, ticket classes, demand. " +
        "Replayed in compressed wall time [[the sample scenarios/default-load.json: tiers L1, L2, L3, four skills]].")]
    public string? Scenario { get; init; }

    [CommandOption("--rate <N>")]
    [Description("Mean arrivals per wall second; sets the time compression unless --compress or --week-in does [[200]].")]
    public string? Rate { get; init; }

    [CommandOption("--compress <F>")]
    [Description("Simulated seconds per wall second (instead of --rate).")]
    public string? Compress { get; init; }

    [CommandOption("--week-in|--seasonal-week-in <T>")]
    [Description("Replay the scenario's whole horizon (e.g. a week) in wall time T, e.g. 60s (instead of --rate and --duration).")]
    public string? WeekIn { get; init; }

    [CommandOption("--duration <T>")]
    [Description("Wall time replayed from the scenario's start, e.g. 30s, 2m, 500ms; at most its compressed horizon [[30s; bench, scale: 20s]].")]
    public string? Duration { get; init; }

    [CommandOption("--profile <FILE>")]
    [Description("Demand profile JSON (the simulator's format) instead of the scenario's demand.")]
    public string? Profile { get; init; }

    [CommandOption("--silos <N>")]
    [Description("In-process silos [[1]].")]
    public string? Silos { get; init; }

    [CommandOption("--agents <COUNTS>")]
    [Description("Agents per tier instead of the roster's: N for every tier, or one count per tier, e.g. 10,5,2 [[the roster's]].")]
    public string? Agents { get; init; }

    [CommandOption("--capacity <N>")]
    [Description("Tickets every agent works at once, instead of the roster's.")]
    public string? Capacity { get; init; }

    [CommandOption("--policy <FILE>")]
    [Description("Desk settings JSON (format of client/scenarios/desk-default.json) used instead of the scenario's desk; its tiers must be the scenario's. " +
        "run, bench, scale: the last one counts; compare: two or more.")]
    public string[] Policies { get; init; } = [];

    [CommandOption("--patience <MIN>")]
    [Description("Every class's customers abandon after an exponential wait with this mean, simulated minutes; 0 = never [[the classes' patience]].")]
    public string? Patience { get; init; }

    [CommandOption("--seed <N>")]
    [Description("The scenario's seed (arrivals and every ticket's attributes) [[the file's]].")]
    public string? Seed { get; init; }

    [CommandOption("--threshold <RULE>")]
    [Description("Fails the run (exit 1) when missed, e.g. \"p99 submit->assign < 20ms\", \"fail% < 1\"; compare also takes rules on a tier's policy metrics, e.g. \"L1 service_level >= 0.8\", \"desk occupancy <= 0.85\". Repeatable.")]
    public string[] Thresholds { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("Report folder [[out/load]].")]
    public string? Out { get; init; }

    [CommandOption("--tail <T>")]
    [Description("Agents keep working this long after the last arrival [[1s]].")]
    public string? Tail { get; init; }

    [CommandOption("--roster <MODE>")]
    [Description("shifts: agents sign in and out and take breaks as the roster says, in compressed time; all: every agent signed in throughout [[shifts]].")]
    public string? Roster { get; init; }

    [CommandOption("--warmup <T>")]
    [Description("Unreported warm-up run before each measured run; 0 = none [[3s; bench: 15s]].")]
    public string? Warmup { get; init; }

    [CommandOption("--via <PATH>")]
    [Description("How customers submit: orleans (the Orleans client), http (POST /tickets with a submitter key through the silo's whole web pipeline: " +
        "problem details, keys and roles, rate limiter, metrics, dashboard), http-bare (the REST endpoints alone); http needs one in-process silo. See --pipeline for what that silo runs [[orleans]].")]
    public string? Via { get; init; }

    [CommandOption("--pipeline <PARTS>")]
    [Description("The web pipeline one in-process silo runs behind, as silo/Program.cs composes it: full (problem details, keys and roles, rate limiter, " +
        "metrics, health, wallboard, dashboard), api (the REST endpoints alone) or none (the test cluster's silos, no web host). " +
        "With --via orleans and full, the submits skip HTTP but the silo runs everything it ships with [[none with --via orleans, full with --via http, api with --via http-bare]].")]
    public string? Pipeline { get; init; }

    [CommandOption("--no-live")]
    [Description("No live console table.")]
    public bool NoLive { get; init; }

    // --via picks the default pipeline; an explicit --pipeline must carry the submits --via names.
    private SupportQueue.Silo.SiloWebParts? WebParts()
    {
        var via = Via ?? "orleans";
        if (via is not ("orleans" or "http" or "http-bare"))
        {
            throw OptionValues.Bad("--via", via, "expected orleans, http or http-bare");
        }

        var pipeline = Pipeline ?? via switch { "http" => "full", "http-bare" => "api", _ => "none" };
        SupportQueue.Silo.SiloWebParts? parts = pipeline switch
        {
            "none" => null,
            "api" => SupportQueue.Silo.SiloWebParts.ApiOnly,
            "full" => SupportQueue.Silo.SiloWebParts.All,
            _ => throw OptionValues.Bad("--pipeline", pipeline, "expected full, api or none"),
        };
        if (via == "http" && parts is null)
        {
            throw OptionValues.Bad("--pipeline", pipeline, "--via http submits through the web pipeline; use full or api");
        }

        if (via == "http-bare" && parts != SupportQueue.Silo.SiloWebParts.ApiOnly)
        {
            throw OptionValues.Bad("--pipeline", pipeline, "--via http-bare is the REST endpoints alone (api); use --via http for another pipeline");
        }

        return parts;
    }

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

    /// <summary>The options this command line stands for; throws <see cref="UsageException"/> naming a bad argument or file.</summary>
    public LoadOptions ToOptions()
    {
        var source = Scenario ?? ScenarioFile.DefaultPath;
        var scenario = ScenarioFile.Load(source);
        if (Seed is not null)
        {
            scenario = scenario with { Seed = (ulong)OptionValues.Int("--seed", Seed, 0, int.MaxValue) };
        }

        if (Profile is not null)
        {
            scenario = scenario with { Demand = File.Exists(Profile) ? SeasonalDemand.Load(Profile) : throw OptionValues.Bad("--profile", Profile, "no such file") };
        }

        if (Agents is not null && OptionValues.AgentCounts("--agents", Agents) is { } counts)
        {
            scenario = ScenarioOverrides.WithAgents(scenario, counts);
        }

        if (Capacity is not null)
        {
            scenario = ScenarioOverrides.WithCapacity(scenario, OptionValues.Int("--capacity", Capacity, 1, 1000));
        }

        if (Patience is not null)
        {
            scenario = ScenarioOverrides.WithPatience(scenario, OptionValues.Number("--patience", Patience, min: 0));
        }

        var o = LoadOptions.For(CommandName, scenario, source);
        var policies = new List<NamedPolicy>();
        foreach (var policy in Policies)
        {
            policies.Add(OptionValues.PolicyFile("--policy", policy, policies));
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

        if (new[] { Rate, Compress, WeekIn }.Count(v => v is not null) > 1)
        {
            throw new UsageException("--rate, --compress and --week-in each set the time compression: give one of them");
        }

        o = o with
        {
            Rate = Rate is null ? o.Rate : OptionValues.Number("--rate", Rate, min: 0.001),
            Compress = Compress is null ? null : OptionValues.Number("--compress", Compress, min: 1),
            WeekIn = WeekIn is null ? null : OptionValues.Span("--week-in", WeekIn),
            Duration = Duration is null ? o.Duration : OptionValues.Span("--duration", Duration),
            Silos = Silos is null ? o.Silos : OptionValues.Int("--silos", Silos, 1, 16),
            PolicyFiles = [.. policies],
            Thresholds = [.. runnerThresholds],
            PolicyThresholds = [.. policyThresholds],
            Out = Out is null ? o.Out : OptionValues.OutputDirectory("--out", Out),
            Tail = Tail is null ? o.Tail : OptionValues.Span("--tail", Tail),
            AllSignedIn = Roster switch { null or "shifts" => false, "all" => true, _ => throw OptionValues.Bad("--roster", Roster, "expected shifts or all") },
            Warmup = Warmup is null ? o.Warmup : Warmup == "0" ? TimeSpan.Zero : OptionValues.Span("--warmup", Warmup),
            Live = !NoLive,
        };
        o = Refine(o) with { Web = WebParts(), SubmitOverHttp = Via is "http" or "http-bare" };
        if (o.Web is not null && (o.External || o.Silos != 1 || CommandName == "scale"))
        {
            throw Via is "http" or "http-bare"
                ? OptionValues.Bad("--via", Via, "HTTP submits go to one in-process silo: not with --silos above 1, an external cluster, or scale")
                : OptionValues.Bad("--pipeline", Pipeline!, "the web pipeline runs on one in-process silo: not with --silos above 1, an external cluster, or scale");
        }

        // Every policy must fit the scenario (its tiers are the ones the roster and classes name), as in the simulator's compare.
        foreach (var policy in o.PolicyFiles.IsEmpty ? [new NamedPolicy("scenario desk", scenario.Desk)] : o.PolicyFiles)
        {
            if (PolicySimulation.WithPolicy(scenario, policy).Validate() is { Count: > 0 } errors)
            {
                throw new UsageException(
                    (o.PolicyFiles.IsEmpty ? $"{source}: invalid scenario, nothing was run" : $"--policy {policy.Name}: does not fit scenario {source}, nothing was run") +
                    Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors));
            }
        }

        return o;
    }

    /// <summary>The options a subclass adds, and its own cross-checks.</summary>
    protected virtual LoadOptions Refine(LoadOptions options) => options;
}
