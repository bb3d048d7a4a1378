using System.Collections.Immutable;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>The two escalation policies <c>compare</c> puts side by side.</summary>
public enum EscalationPolicyChoice
{
    /// <summary>Wait timeouts: L1 after 10 min, L2 after 20 min (simulated).</summary>
    A,

    /// <summary>Overflow past L1 at queue length 20, and skip tiers without the needed skill.</summary>
    B,
}

/// <summary>
/// What the synthetic customers and agents do. Every random choice is a pure function of the seed and
/// the ticket's sequence number (and queue visit), so two runs with the same seed see the same tickets
/// and the same handling times whichever agent picks a ticket up; that is what makes <c>compare</c> fair.
/// </summary>
public sealed record Workload
{
    public static readonly ImmutableArray<string> TierNames = ["L1", "L2", "L3"];

    // Skill mix: L1 covers the common two; network needs L2; security only L3 has.
    private static readonly (string Skill, double Share)[] _ticketSkills =
        [("account", 0.55), ("billing", 0.25), ("network", 0.13), ("security", 0.07)];

    private static readonly ImmutableArray<string>[] _tierSkills =
        [["account", "billing"], ["account", "billing", "network"], ["account", "billing", "network", "security"]];

    public int Seed { get; init; } = 1;

    /// <summary>Simulated seconds per wall second; handling times, patience and desk deadlines are divided by it.</summary>
    public double TimeCompression { get; init; } = 600;

    /// <summary>Agents per tier (L1, L2, L3).</summary>
    public ImmutableArray<int> AgentsPerTier { get; init; } = [20, 8, 4];

    /// <summary>Tickets each agent works at once.</summary>
    public int AgentCapacity { get; init; } = 2;

    /// <summary>Mean handling time per tier, simulated.</summary>
    public ImmutableArray<TimeSpan> MeanHandleTime { get; init; } =
        [TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(25)];

    /// <summary>Chance an agent of the tier escalates a ticket instead of resolving it (the last tier always resolves).</summary>
    public ImmutableArray<double> EscalateProbability { get; init; } = [0.15, 0.10, 0];

    /// <summary>Mean customer patience before abandoning the queue (simulated, exponential); null: nobody abandons.</summary>
    public TimeSpan? MeanPatience { get; init; }

    public EscalationPolicyChoice Policy { get; init; } = EscalationPolicyChoice.A;

    /// <summary>Set: the desk settings of a policy file (--policy FILE), used instead of the built-in A/B.</summary>
    public DeskSettings? PolicySettings { get; init; }

    /// <summary>
    /// Set: a recorded trace replayed (<c>run --arrivals</c>). Ticket k is the trace's k-th record:
    /// its priority, skills and entry tier; each tier's handling is the recorded time where known,
    /// and it escalates until the deepest tier it touched; an abandoned ticket's customer leaves
    /// after the recorded wait. Everything else comes from the built-in workload.
    /// </summary>
    public ImmutableArray<TicketHistoryRecord> Trace { get; init; }

    private bool Replaying => !Trace.IsDefaultOrEmpty;

    /// <summary>A first assignment within this (simulated) counts towards the service level.</summary>
    public TimeSpan ServiceLevelTarget { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Wall time of a simulated span.</summary>
    public TimeSpan ToWall(TimeSpan simulated) => TimeSpan.FromTicks((long)(simulated.Ticks / TimeCompression));

    /// <summary>Agent counts that <paramref name="peakRatePerSecond"/> wall arrivals keep about <paramref name="utilisation"/> busy.</summary>
    public static ImmutableArray<int> SizeAgents(double peakRatePerSecond, double timeCompression, int capacity, double utilisation)
    {
        // Share of arrivals each tier ends up serving, from the skill mix and escalation chances above (rounded up).
        double[] share = [0.85, 0.35, 0.12];
        double[] meanMinutes = [8, 15, 25];
        var sizes = new int[3];
        for (var i = 0; i < 3; i++)
        {
            var busySlots = peakRatePerSecond * share[i] * meanMinutes[i] * 60 / timeCompression;
            sizes[i] = Math.Max(2, (int)Math.Ceiling(busySlots / utilisation / capacity));
        }

        return [.. sizes];
    }

    public DeskSettings DeskSettings() => PolicySettings ?? new()
    {
        Tiers = [new("L1", MeanHandleTime[0]), new("L2", MeanHandleTime[1]), new("L3", MeanHandleTime[2])],
        Escalation = Policy switch
        {
            EscalationPolicyChoice.A =>
            [
                new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(10)),
                new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L2", After: TimeSpan.FromMinutes(20)),
            ],
            _ =>
            [
                new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxQueueLength: 20),
                new EscalationRule(EscalationRuleKind.SkillGap),
            ],
        },
        Sla =
        [
            new SlaTarget(Priority.P1, TimeSpan.FromMinutes(5), TimeSpan.FromHours(4)),
            new SlaTarget(Priority.P2, TimeSpan.FromMinutes(15), TimeSpan.FromHours(8)),
            new SlaTarget(Priority.P3, TimeSpan.FromHours(1), TimeSpan.FromHours(24)),
            new SlaTarget(Priority.P4, TimeSpan.FromHours(4), TimeSpan.FromHours(72)),
        ],
    };

    public IEnumerable<AgentSpec> Agents(string deskId, string runTag)
    {
        for (var tier = 0; tier < TierNames.Length; tier++)
        {
            // A replayed trace may need skills the built-in mix lacks; every agent gets them, so tickets stay serviceable.
            var names = Replaying ? _tierSkills[tier].Union(Trace.SelectMany(r => r.Skills.IsDefault ? [] : r.Skills), StringComparer.Ordinal) : _tierSkills[tier];
            var skills = names.Select(s => new SkillLevel(s, 3)).ToImmutableArray();
            for (var i = 0; i < AgentsPerTier[tier]; i++)
            {
                yield return new AgentSpec($"{runTag}-{TierNames[tier]}-{i}", deskId, TierNames[tier], skills, AgentCapacity);
            }
        }
    }

    public TicketSpec Ticket(string deskId, string ticketId, long number)
    {
        if (Replaying)
        {
            var r = Recorded(number);
            return new TicketSpec(ticketId, deskId, r.Priority, r.Skills.IsDefault ? [] : r.Skills, r.EntryTier, Subject: "replay");
        }

        var random = Rng(number, -1);
        var p = random.NextDouble();
        var priority = p < 0.05 ? Priority.P1 : p < 0.20 ? Priority.P2 : p < 0.70 ? Priority.P3 : Priority.P4;
        var s = random.NextDouble();
        var skill = _ticketSkills[^1].Skill;
        foreach (var (name, share) in _ticketSkills)
        {
            if (s < share)
            {
                skill = name;
                break;
            }

            s -= share;
        }

        return new TicketSpec(ticketId, deskId, priority, [skill], Subject: "load");
    }

    /// <summary>How long the agent works this visit (wall) and whether it escalates afterwards.</summary>
    public (TimeSpan Wall, bool Escalate) Handling(long number, int visit, int tierIndex)
    {
        var random = Rng(number, visit);
        // Log-normal with a coefficient of variation of 0.6: handling times are skewed, never negative.
        const double Cv = 0.6;
        var sigma2 = Math.Log(1 + (Cv * Cv));
        var mu = Math.Log(MeanHandleTime[tierIndex].TotalSeconds) - (sigma2 / 2);
        var seconds = Math.Exp(mu + (Math.Sqrt(sigma2) * Normal(random)));
        var escalate = tierIndex < TierNames.Length - 1 && random.NextDouble() < EscalateProbability[tierIndex];
        if (Replaying)
        {
            var r = Recorded(number);
            var deepest = r.Tiers.Prepend(r.EntryTier).Max(t => TierNames.IndexOf(t));
            escalate = tierIndex < deepest;
            if (r.HandlingAt(TierNames[tierIndex]) is { } minutes)
            {
                seconds = minutes * 60;
            }
        }

        return (ToWall(TimeSpan.FromSeconds(seconds)), escalate);
    }

    /// <summary>Wall time this ticket's customer waits for a first answer before leaving; null when patience is off.</summary>
    public TimeSpan? Patience(long number)
    {
        if (Replaying && Recorded(number) is { Outcome: HistoryOutcome.Abandoned, Ended: { } ended } r)
        {
            return ToWall(ended - r.Created);
        }

        if (MeanPatience is not { } mean)
        {
            return null;
        }

        var random = Rng(number, -2);
        return ToWall(TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * mean.TotalSeconds));
    }

    private TicketHistoryRecord Recorded(long number) => Trace[(int)(number % Trace.Length)];

    private static double Normal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    // string.GetHashCode and HashCode.Combine are randomised per process; runs must agree across processes.
    private Random Rng(long number, int stream)
    {
        unchecked
        {
            var h = 1469598103934665603UL;
            foreach (var v in new[] { (ulong)Seed, (ulong)number, (ulong)stream })
            {
                h = (h ^ v) * 1099511628211UL;
                h ^= h >> 29;
            }

            return new Random((int)(h ^ (h >> 32)));
        }
    }
}
