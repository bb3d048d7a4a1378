using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Model;
using SupportQueue.Json;
using SupportQueue.LoadTests.Orleans;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Cli;

/// <summary>A command line that could not be understood: names the argument and the value.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Options shared by every command; parsed strictly (unknown flags and bad values are errors).</summary>
public sealed record CliOptions
{
    public required string Command { get; init; }

    /// <summary>Arrivals per second (the peak when seasonal).</summary>
    public double Rate { get; init; } = 200;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

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

    public const string Usage = """
        usage: dotnet run -c Release --project loadtests -- <command> [options]
        commands:
          run       one load run (flat rate, or a seasonal week with --seasonal-week-in)
          scale     the same load on 1, 2 and 4 in-process silos, then 2 silos with one joining and one killed mid-run
          compare   the same arrivals (same seed) against escalation policies A and B, side by side
          bench     step the arrival rate on in-process silos (until it collapses); the highest rate whose p99 submit->assign holds the limit
        options:
          --rate N                 arrivals/s (peak when seasonal) [200]
          --duration T             e.g. 30s, 2m, 500ms [30s; bench: 20s per rate, scale: 20s]
          --seasonal-week-in T     replay a demand week (intraday x weekday x events) in wall time T
          --profile FILE           demand profile JSON for the seasonal week [built-in office week]
          --silos N                in-process silos [1]
          --agents auto|N|L1,L2,L3 agents per tier [auto: ~70% busy at the rate]
          --capacity N             tickets per agent at once [2]
          --compress F             simulated seconds per wall second, flat runs [600; bench, scale: 6000]
          --policy a|b|FILE        a: wait timeouts L1 10 min, L2 20 min; b: overflow L1 at 20 queued + skill gap [a; bench, scale: b];
                                   FILE: desk settings JSON (format of client/scenarios/desk-default.json, tiers L1, L2, L3);
                                   compare: repeat it for two or more policies, the first is the baseline [a and b]
          --seeds N                compare: seeds per policy, same arrivals for every policy on a seed [3]
          --patience MIN           mean customer patience, simulated minutes; 0 = never abandon [off; compare: 6]
          --seed N                 [1]
          --threshold TEXT         e.g. "p99 submit->assign < 20ms" (repeatable); compare also takes policy
                                   rules on the desk, e.g. "desk service_level >= 0.8", "desk submit_assign_p99 < 20"
          --out DIR                report folder [out/load]
          --gateway PORT           external cluster on 127.0.0.1:PORT instead of in-process silos
          --connection-string CS   external cluster with PostgreSQL clustering
          --cluster-id ID          external: Orleans cluster id of the silos [supportqueue]
          --service-id ID          external: Orleans service id of the silos [supportqueue]
          --poll-ms N              external: agents poll for assignments every N ms [20]
          --tail T                 agents keep working after the last arrival [1s]
          --rates A,B,...          bench: rates to step [500,1000,2000,3000,4000]
          --limit-ms N             bench: p99 submit->assign limit [20]
          --roster all|follow      seasonal: all agents signed in from the start, or staffing follows demand (floor 25%) [all]
          --warmup T               unreported warm-up run before each measured run; 0 = none [3s]
          --utilisation U          --agents auto sizes agents for this busy share at the rate [0.7; bench, scale: 0.4]
          --no-live                no live console table
        exit codes: 0 passed, 1 threshold failed, 2 bad arguments or cancelled, 3 invariant violated or no cluster answered
        """;

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("run" or "scale" or "compare" or "bench"))
        {
            throw new UsageException(args.Count == 0 ? "missing command" : $"unknown command: '{args[0]}'");
        }

        // bench and scale measure routing latency, not queueing for busy agents: they over-provision
        // agents and route by skill at entry (policy b) unless told otherwise.
        var o = args[0] switch
        {
            "bench" => new CliOptions { Command = args[0], Utilisation = 0.4, Policy = EscalationPolicyChoice.B, Compress = 6000, Duration = TimeSpan.FromSeconds(20) },
            "scale" => new CliOptions { Command = args[0], Utilisation = 0.4, Policy = EscalationPolicyChoice.B, Compress = 6000, Duration = TimeSpan.FromSeconds(20) },
            _ => new CliOptions { Command = args[0] },
        };
        var thresholds = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-live")
            {
                o = o with { Live = false };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException(name.StartsWith("--", StringComparison.Ordinal) ? $"{name}: missing value" : $"unknown argument: '{name}'");
            }

            var value = args[++i];
            o = name switch
            {
                "--rate" => o with { Rate = Number(name, value, min: 0.001) },
                "--duration" => o with { Duration = Span(name, value) },
                "--seasonal-week-in" => o with { SeasonalWeekIn = Span(name, value) },
                "--profile" => o with { ProfilePath = File.Exists(value) ? value : throw Bad(name, value, "no such file") },
                "--silos" => o with { Silos = Int(name, value, 1, 16) },
                "--agents" => o with { Agents = AgentCounts(name, value) },
                "--capacity" => o with { Capacity = Int(name, value, 1, 1000) },
                "--compress" => o with { Compress = Number(name, value, min: 1) },
                "--policy" => value.ToUpperInvariant() switch
                {
                    "A" => o with { Policy = EscalationPolicyChoice.A },
                    "B" => o with { Policy = EscalationPolicyChoice.B },
                    _ => o with { PolicyFiles = o.PolicyFiles.Add(PolicyFile(name, value, o.PolicyFiles)) },
                },
                "--seeds" => o with { Seeds = Int(name, value, 2, 1000) },
                "--cluster-id" => o with { ClusterId = string.IsNullOrWhiteSpace(value) ? throw Bad(name, value, "must not be empty") : value },
                "--service-id" => o with { ServiceId = string.IsNullOrWhiteSpace(value) ? throw Bad(name, value, "must not be empty") : value },
                "--patience" => o with { PatienceMinutes = Number(name, value, min: 0) },
                "--seed" => o with { Seed = Int(name, value, int.MinValue, int.MaxValue) },
                "--threshold" => Add(thresholds, o, value, args[0] == "compare"),
                "--out" => o with { Out = string.IsNullOrWhiteSpace(value) ? throw Bad(name, value, "must not be empty") : value },
                "--gateway" => o with { GatewayPort = Int(name, value, 1, 65535) },
                "--connection-string" => o with { ConnectionString = string.IsNullOrWhiteSpace(value) ? throw Bad(name, value, "must not be empty") : value },
                "--poll-ms" => o with { PollInterval = TimeSpan.FromMilliseconds(Int(name, value, 1, 10_000)) },
                "--tail" => o with { Tail = Span(name, value) },
                "--rates" => o with { Rates = [.. value.Split(',').Select(r => Number(name, r, min: 0.001))] },
                "--roster" => o with { FollowRoster = value switch { "all" => false, "follow" => true, _ => throw Bad(name, value, "expected all or follow") } },
                "--warmup" => o with { Warmup = value == "0" ? TimeSpan.Zero : Span(name, value) },
                "--utilisation" => o with { Utilisation = Number(name, value, min: 0.01) is var u && u <= 1 ? u : throw Bad(name, value, "expected a number in 0.01..1") },
                "--limit-ms" => o with { LimitMs = Number(name, value, min: 0.001) },
                _ => throw new UsageException($"unknown argument: '{name}'"),
            };
        }

        o = o with { Thresholds = [.. thresholds] };
        if (o.External && o.Command is "scale" or "bench")
        {
            throw new UsageException($"{o.Command} starts its own in-process silos; --gateway/--connection-string are for run and compare");
        }

        if (o.FollowRoster && o.SeasonalWeekIn is null)
        {
            throw new UsageException("--roster follow: needs --seasonal-week-in (there is no demand curve to follow)");
        }

        if ((o.ClusterId ?? o.ServiceId) is not null && !o.External)
        {
            throw new UsageException("--cluster-id/--service-id: only for an external cluster (--gateway or --connection-string); in-process silos get their own ids");
        }

        if (o.PolicyFiles.Length == 1 && o.Command == "compare")
        {
            throw new UsageException($"--policy: compare needs two or more policy files, got one ('{o.PolicyFiles[0].Name}')");
        }

        if (o.GatewayPort is not null && o.ConnectionString is not null)
        {
            throw new UsageException("--gateway and --connection-string: give one or the other");
        }

        return o;
    }

    private static CliOptions Add(List<string> thresholds, CliOptions o, string value, bool policyRulesAllowed)
    {
        // Checked here so a typo fails before any silo starts.
        try
        {
            Threshold.Parse(value);
        }
        catch (ThresholdFormatException ex)
        {
            // compare also takes rules on policy metrics: "TIER METRIC OP VALUE".
            if (policyRulesAllowed && value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var metric, ..] && ComparisonMetric.Find(metric) is not null)
            {
                try
                {
                    return o with { PolicyThresholds = o.PolicyThresholds.Add(PolicyThreshold.Parse(value)) };
                }
                catch (SupportQueueException policyEx)
                {
                    throw new UsageException(policyEx.Message);
                }
            }

            throw Bad("--threshold", value, ex.Message);
        }

        thresholds.Add(value);
        return o;
    }

    /// <summary>A desk settings file, checked like the client's (same messages); its tiers must be the workload's.</summary>
    private static NamedPolicy PolicyFile(string name, string path, ImmutableArray<NamedPolicy> earlier)
    {
        if (!File.Exists(path))
        {
            throw Bad(name, path, "expected a, b, or a desk settings file (no such file)");
        }

        var read = DeskSettingsJson.LoadFile(path);
        if (read.Value is not { } desk || !read.IsValid)
        {
            throw new UsageException($"{name}: {path}: invalid desk settings" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", read.Errors));
        }

        var tiers = desk.Tiers.Select(t => t.Name).ToArray();
        if (!tiers.SequenceEqual(Workload.TierNames, StringComparer.Ordinal))
        {
            throw Bad(name, path, $"tiers are {string.Join(", ", tiers)}; the load workload drives tiers {string.Join(", ", Workload.TierNames)}");
        }

        var policyName = Path.GetFileNameWithoutExtension(path);
        for (var i = 2; earlier.Any(p => p.Name == policyName); i++)
        {
            policyName = $"{Path.GetFileNameWithoutExtension(path)}-{i.ToString(CultureInfo.InvariantCulture)}";
        }

        return new NamedPolicy(policyName, desk);
    }

    private static UsageException Bad(string name, string value, string expected) => new($"{name}: invalid value '{value}' — {expected}");

    private static double Number(string name, string value, double min) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= min
            ? v
            : throw Bad(name, value, $"expected a number >= {min.ToString(CultureInfo.InvariantCulture)}");

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw Bad(name, value, $"expected an integer {min}..{max}");

    private static ImmutableArray<int>? AgentCounts(string name, string value)
    {
        if (value == "auto")
        {
            return null;
        }

        var parts = value.Split(',');
        if (parts.Length is not (1 or 3))
        {
            throw Bad(name, value, "expected auto, N, or L1,L2,L3 counts");
        }

        var counts = parts.Select(p => Int(name, p, 1, 10_000)).ToArray();
        return counts.Length == 1 ? [counts[0], counts[0], counts[0]] : [.. counts];
    }

    private static TimeSpan Span(string name, string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : value.EndsWith('h') ? (value[..^1], 3600.0)
            : (value, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0
            ? TimeSpan.FromSeconds(v * unit)
            : throw Bad(name, value, "expected a positive duration such as 30s, 2m or 500ms");
    }
}
