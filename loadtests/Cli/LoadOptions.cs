using System.Collections.Immutable;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Simulation;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// What one load command runs with, resolved from its command-line settings (see <c>Commands/</c>);
/// the defaults are the run command's, <see cref="For"/> gives each command its own.
/// </summary>
public sealed record LoadOptions
{
    public required string Command { get; init; }

    /// <summary>The scenario replayed (the sample <c>scenarios/default-load.json</c> unless --scenario), with the overrides below applied but its own desk.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The scenario's file, for the reports.</summary>
    public required string ScenarioSource { get; init; }

    /// <summary>Mean arrivals per wall second: sets the time compression unless --compress or --week-in does.</summary>
    public double Rate { get; init; } = 200;

    /// <summary>Wall time replayed from the scenario's start (at most its compressed horizon); ignored with --week-in.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Set: the whole horizon compressed into this wall time.</summary>
    public TimeSpan? WeekIn { get; init; }

    /// <summary>Set: simulated seconds per wall second.</summary>
    public double? Compress { get; init; }

    public int Silos { get; init; } = 1;

    /// <summary>--policy FILE (repeatable): desk settings files; run/bench/scale use the last, compare all of them.</summary>
    public ImmutableArray<NamedPolicy> PolicyFiles { get; init; } = [];

    /// <summary>compare: replications per policy (the paired differences and their intervals are over these).</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>Which of the scenario's seeded streams a run replays (compare: 0..Seeds-1, as the simulator's compare).</summary>
    public int Replication { get; init; }

    /// <summary>compare: rules on policy metrics ("L1 service_level >= 0.8").</summary>
    public ImmutableArray<PolicyThreshold> PolicyThresholds { get; init; } = [];

    /// <summary>External clusters: Orleans cluster id and service id (default supportqueue, as the silo).</summary>
    public string? ClusterId { get; init; }

    public string? ServiceId { get; init; }

    public ImmutableArray<string> Thresholds { get; init; } = [];

    public string Out { get; init; } = "out/load";

    public int? GatewayPort { get; init; }

    public string? ConnectionString { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Agents keep working this long after the last arrival.</summary>
    public TimeSpan Tail { get; init; } = TimeSpan.FromSeconds(1);

    public bool Live { get; init; } = true;

    /// <summary>Every agent signed in for the whole run instead of following the roster's shifts and breaks.</summary>
    public bool AllSignedIn { get; init; }

    /// <summary>Unreported run before each measured one, so JIT and first activations do not land in the numbers.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>bench: the rates to step through.</summary>
    public ImmutableArray<double> Rates { get; init; } = [500, 1000, 2000, 3000, 4000];

    /// <summary>bench: the p99 submit→assign limit a rate must hold.</summary>
    public double LimitMs { get; init; } = 20;

    /// <summary>
    /// Set: one in-process silo composed as silo/Program.cs composes it, behind these parts of its web
    /// pipeline; null: the test cluster's bare silos, no web host.
    /// </summary>
    public SupportQueue.Silo.SiloWebParts? Web { get; init; }

    /// <summary>Tickets are submitted over HTTP (POST /tickets with a submitter key) rather than through the Orleans client; needs <see cref="Web"/>.</summary>
    public bool SubmitOverHttp { get; init; }

    public bool External => GatewayPort is not null || ConnectionString is not null;

    /// <summary>The defaults of a command (bench and scale: 20 s per run).</summary>
    public static LoadOptions For(string command, Scenario scenario, string source) => command switch
    {
        "bench" or "scale" => new LoadOptions { Command = command, Scenario = scenario, ScenarioSource = source, Duration = TimeSpan.FromSeconds(20) },
        _ => new LoadOptions { Command = command, Scenario = scenario, ScenarioSource = source },
    };
}
