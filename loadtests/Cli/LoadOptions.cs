using System.Collections.Immutable;
using SupportQueue.Core.Comparison;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// What one load command runs with, resolved from its command-line settings (see <c>Commands/</c>);
/// the defaults are the run command's, <see cref="For"/> gives each command its own.
/// </summary>
public sealed record LoadOptions
{
    public required string Command { get; init; }

    /// <summary>Arrivals per second (the peak when seasonal).</summary>
    public double Rate { get; init; } = 200;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>run --arrivals: the recorded trace to replay (its file in <see cref="ArrivalsPath"/>); default when not replaying.</summary>
    public ImmutableArray<SupportQueue.Core.History.TicketHistoryRecord> Trace { get; init; }

    public string? ArrivalsPath { get; init; }

    /// <summary>Set: replay a demand week compressed into this wall time.</summary>
    public TimeSpan? SeasonalWeekIn { get; init; }

    public string? ProfilePath { get; init; }

    public int Silos { get; init; } = 1;

    /// <summary>Null: sized from the rate.</summary>
    public ImmutableArray<int>? Agents { get; init; }

    public int Capacity { get; init; } = 2;

    /// <summary>Simulated seconds per wall second for flat runs (seasonal runs derive it from the week).</summary>
    public double Compress { get; init; } = 600;

    public EscalationPolicyChoice Policy { get; init; } = EscalationPolicyChoice.A;

    /// <summary>--policy FILE (repeatable): desk settings files; run/bench/scale use the last, compare all of them.</summary>
    public ImmutableArray<NamedPolicy> PolicyFiles { get; init; } = [];

    /// <summary>compare: seeds per policy (the paired differences and their intervals are over these).</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>compare: rules on policy metrics ("desk service_level >= 0.8").</summary>
    public ImmutableArray<PolicyThreshold> PolicyThresholds { get; init; } = [];

    /// <summary>External clusters: Orleans cluster id and service id (default supportqueue, as the silo).</summary>
    public string? ClusterId { get; init; }

    public string? ServiceId { get; init; }

    /// <summary>Mean patience in simulated minutes; null: nobody abandons (compare turns it on by default).</summary>
    public double? PatienceMinutes { get; init; }

    public int Seed { get; init; } = 1;

    public ImmutableArray<string> Thresholds { get; init; } = [];

    public string Out { get; init; } = "out/load";

    public int? GatewayPort { get; init; }

    public string? ConnectionString { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Agents keep working this long after the last arrival.</summary>
    public TimeSpan Tail { get; init; } = TimeSpan.FromSeconds(1);

    public bool Live { get; init; } = true;

    /// <summary>Seasonal runs: sign agents in and out with the demand curve instead of all at start.</summary>
    public bool FollowRoster { get; init; }

    /// <summary>Unreported run before each measured one, so JIT and first activations do not land in the numbers.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Agent sizing for --agents auto: the share of agent capacity the arrivals should keep busy.</summary>
    public double Utilisation { get; init; } = 0.7;

    /// <summary>bench: the rates to step through.</summary>
    public ImmutableArray<double> Rates { get; init; } = [500, 1000, 2000, 3000, 4000];

    /// <summary>bench: the p99 submit→assign limit a rate must hold.</summary>
    public double LimitMs { get; init; } = 20;

    public bool External => GatewayPort is not null || ConnectionString is not null;

    /// <summary>
    /// The defaults of a command. bench and scale measure routing latency, not queueing for busy
    /// agents: they over-provision agents and route by skill at entry (policy b) unless told otherwise.
    /// </summary>
    public static LoadOptions For(string command) => command switch
    {
        "bench" or "scale" => new LoadOptions { Command = command, Utilisation = 0.4, Policy = EscalationPolicyChoice.B, Compress = 6000, Duration = TimeSpan.FromSeconds(20) },
        _ => new LoadOptions { Command = command },
    };
}
