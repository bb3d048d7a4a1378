using System.Collections.Immutable;

namespace SupportQueue.Core.Model;

/// <summary>Everything that shapes routing on one desk. The same settings drive live desks and simulations.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.DeskSettings")]
public sealed record DeskSettings
{
    public static readonly DeskSettings Default = new();

    [Id(0)]
    public ImmutableArray<TierSettings> Tiers { get; init; } = [new("L1"), new("L2"), new("L3")];

    [Id(1)]
    public AgentSelection Selection { get; init; } = AgentSelection.LongestIdle;

    /// <summary>A queued ticket gains one priority step per this much waiting; null disables aging.</summary>
    [Id(2)]
    public TimeSpan? AgingStep { get; init; } = TimeSpan.FromMinutes(15);

    [Id(3)]
    public BorrowingSettings Borrowing { get; init; } = new(false, TimeSpan.FromMinutes(5));

    [Id(4)]
    public ImmutableArray<EscalationRule> Escalation { get; init; } = [];

    [Id(5)]
    public ImmutableArray<SlaTarget> Sla { get; init; } = [];

    /// <summary>How long an offer may stay unanswered before the ticket is released back to its queue.</summary>
    [Id(6)]
    public TimeSpan ReservationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound on open tickets per desk; submits beyond it are refused, not dropped.</summary>
    [Id(7)]
    public int MaxOpenTickets { get; init; } = 1_000_000;

    /// <summary>Order within a priority at each tier: arrival at that tier (FIFO per tier, default) or ticket age since creation.</summary>
    [Id(8)]
    public QueueOrder QueueOrder { get; init; } = QueueOrder.TierArrival;

    /// <summary>
    /// The share of tickets the desk aims to answer within their first-response target (0–1]; the
    /// wallboard and the statistics compare the day's service level with it. Routing ignores it.
    /// </summary>
    [Id(9)]
    public double ServiceLevelTarget { get; init; } = 0.8;

    /// <summary>
    /// The IANA time zone (e.g. <c>Europe/Berlin</c>) whose midnight starts the desk's "today" in its
    /// statistics and on the wallboard. Routing ignores it.
    /// </summary>
    [Id(10)]
    public string TimeZone { get; init; } = "UTC";

    // Unset (default) tiers are reported by Validate; the lookups must not throw before it can.
    public int TierCount => Tiers.IsDefault ? 0 : Tiers.Length;

    /// <summary>Index of a tier by name (ordinal, case-insensitive); -1 when absent.</summary>
    public int TierIndex(string? name)
    {
        if (name is null)
        {
            return -1;
        }

        for (var i = 0; i < TierCount; i++)
        {
            if (string.Equals(Tiers[i]?.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public SlaTarget? SlaFor(Priority priority)
    {
        foreach (var target in Sla)
        {
            if (target.Priority == priority)
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>Every problem as "path: value — reason"; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate(string path = "$")
    {
        var errors = new List<string>();
        void Add(string p, object? value, string reason) => errors.Add($"{p}: {SupportQueueException.Format(value)} — {reason}");

        // Beyond this the engine's deadline arithmetic (now + duration) leaves DateTime's range.
        void Bounded(string p, TimeSpan? value)
        {
            if (value is { } v && v > InputBounds.MaxDuration)
            {
                Add(p, v, InputBounds.MaxDurationText);
            }
        }

        if (Tiers.IsDefaultOrEmpty)
        {
            Add($"{path}.tiers", "[]", "a desk needs at least one tier");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Tiers.Length; i++)
            {
                var tier = Tiers[i];
                if (tier is null || string.IsNullOrWhiteSpace(tier.Name))
                {
                    Add($"{path}.tiers[{i}].name", tier?.Name, "must not be empty");
                    continue;
                }

                // Agents, tickets and the API name a tier by its name, an id like theirs: a name they
                // could not give would leave the tier unreachable (no agent, no entry, no waiting list);
                // ticket-history traces join tier names with separators a name must not hold.
                if (RecordName.Problem(tier.Name) is { } badName)
                {
                    Add($"{path}.tiers[{i}].name", badName.Shown, badName.Reason);
                    continue;
                }

                if (tier.Name.Trim().Length != tier.Name.Length)
                {
                    Add($"{path}.tiers[{i}].name", tier.Name, "must not start or end with white space");
                    continue;
                }

                if (!seen.Add(tier.Name))
                {
                    Add($"{path}.tiers[{i}].name", tier.Name, "duplicate tier name");
                }

                if (tier.AverageHandleTime is { } aht && aht <= TimeSpan.Zero)
                {
                    Add($"{path}.tiers[{i}].averageHandleTime", aht, "must be positive");
                }

                Bounded($"{path}.tiers[{i}].averageHandleTime", tier.AverageHandleTime);
            }
        }

        if (!Enum.IsDefined(Selection))
        {
            Add($"{path}.selection", Selection.ToString(), "must be LongestIdle, LeastBusy, RoundRobin or BestSkill");
        }

        if (AgingStep is { } step && step <= TimeSpan.Zero)
        {
            Add($"{path}.agingStep", step, "must be positive, or null to disable aging");
        }

        Bounded($"{path}.agingStep", AgingStep);

        if (Borrowing is null)
        {
            Add($"{path}.borrowing", null, "must be given");
        }
        else if (Borrowing.MinWait < TimeSpan.Zero)
        {
            Add($"{path}.borrowing.minWait", Borrowing.MinWait, "must not be negative");
        }
        else
        {
            Bounded($"{path}.borrowing.minWait", Borrowing.MinWait);
        }

        if (ReservationTimeout <= TimeSpan.Zero)
        {
            Add($"{path}.reservationTimeout", ReservationTimeout, "must be positive");
        }

        Bounded($"{path}.reservationTimeout", ReservationTimeout);

        if (MaxOpenTickets <= 0)
        {
            Add($"{path}.maxOpenTickets", MaxOpenTickets, "must be positive");
        }

        if (!(ServiceLevelTarget > 0 && ServiceLevelTarget <= 1))
        {
            Add($"{path}.serviceLevelTarget", ServiceLevelTarget, "must be above 0 and at most 1 (0.8 is 80 %)");
        }

        if (DeskTimeZone.Problem(TimeZone) is { } zoneProblem)
        {
            Add($"{path}.timeZone", TimeZone, zoneProblem);
        }

        if (!Enum.IsDefined(QueueOrder))
        {
            Add($"{path}.queueOrder", (int)QueueOrder, "must be TierArrival or TicketAge");
        }

        var escalation = Escalation.IsDefault ? [] : Escalation;
        for (var i = 0; i < escalation.Length; i++)
        {
            if (escalation[i] is null)
            {
                Add($"{path}.escalation[{i}]", null, "must not be null");
                continue;
            }

            ValidateRule(escalation[i], $"{path}.escalation[{i}]", Add);
        }

        var sla = Sla.IsDefault ? [] : Sla;
        var priorities = new HashSet<Priority>();
        for (var i = 0; i < sla.Length; i++)
        {
            var target = sla[i];
            var p = $"{path}.sla[{i}]";
            if (target is null)
            {
                Add(p, null, "must not be null");
                continue;
            }

            if (!Enum.IsDefined(target.Priority))
            {
                Add($"{p}.priority", (int)target.Priority, "must be P1, P2, P3 or P4");
            }
            else if (!priorities.Add(target.Priority))
            {
                Add($"{p}.priority", target.Priority.ToString(), "duplicate SLA target for this priority");
            }

            if (target.FirstResponse is { } fr && fr <= TimeSpan.Zero)
            {
                Add($"{p}.firstResponse", fr, "must be positive");
            }

            Bounded($"{p}.firstResponse", target.FirstResponse);

            if (target.Resolution is { } res && res <= TimeSpan.Zero)
            {
                Add($"{p}.resolution", res, "must be positive");
            }

            Bounded($"{p}.resolution", target.Resolution);

            // Both run from creation, and a ticket is answered before it is resolved: a shorter
            // resolution target would count every ticket as late however the desk worked.
            if (target is { FirstResponse: { } first, Resolution: { } resolution } && resolution > TimeSpan.Zero && first > TimeSpan.Zero && resolution < first)
            {
                Add($"{p}.resolution", resolution, $"must not be shorter than firstResponse ({first}): a ticket is answered before it is resolved");
            }
        }

        return errors;
    }

    private void ValidateRule(EscalationRule rule, string p, Action<string, object?, string> add)
    {
        bool KnownTier(string? name, string field, bool required)
        {
            if (name is null)
            {
                if (required)
                {
                    add($"{p}.{field}", null, "required for this rule");
                }

                return false;
            }

            if (TierIndex(name) < 0)
            {
                add($"{p}.{field}", name, "no such tier on this desk");
                return false;
            }

            return true;
        }

        switch (rule.Kind)
        {
            case EscalationRuleKind.WaitTimeout:
                if (KnownTier(rule.Tier, "tier", required: true) && TierIndex(rule.Tier) == TierCount - 1)
                {
                    add($"{p}.tier", rule.Tier, "the last tier has nowhere to escalate to");
                }

                if (rule.After is not { } after || after <= TimeSpan.Zero)
                {
                    add($"{p}.after", rule.After, "required and must be positive");
                }
                else if (after > InputBounds.MaxDuration)
                {
                    add($"{p}.after", after, InputBounds.MaxDurationText);
                }

                break;
            case EscalationRuleKind.SeverityBypass:
                if (rule.Priority is not { } pr || !Enum.IsDefined(pr))
                {
                    add($"{p}.priority", rule.Priority?.ToString(), "required: P1, P2, P3 or P4");
                }

                KnownTier(rule.EntryTier, "entryTier", required: true);
                break;
            case EscalationRuleKind.Overflow:
                if (KnownTier(rule.Tier, "tier", required: true) && TierIndex(rule.Tier) == TierCount - 1)
                {
                    add($"{p}.tier", rule.Tier, "the last tier has nowhere to overflow to");
                }

                if (rule.MaxQueueLength is null && rule.MaxExpectedWait is null)
                {
                    add($"{p}.maxQueueLength", null, "give maxQueueLength, maxExpectedWait or both");
                }

                if (rule.MaxQueueLength is { } len && len < 0)
                {
                    add($"{p}.maxQueueLength", len, "must not be negative");
                }

                if (rule.MaxExpectedWait is { } wait && wait <= TimeSpan.Zero)
                {
                    add($"{p}.maxExpectedWait", wait, "must be positive");
                }
                else if (rule.MaxExpectedWait > InputBounds.MaxDuration)
                {
                    add($"{p}.maxExpectedWait", rule.MaxExpectedWait, InputBounds.MaxDurationText);
                }

                break;
            case EscalationRuleKind.SkillGap:
                if (rule.Tier is not null)
                {
                    KnownTier(rule.Tier, "tier", required: false);
                }

                break;
            default:
                add($"{p}.kind", rule.Kind.ToString(), "must be WaitTimeout, SeverityBypass, Overflow or SkillGap");
                break;
        }
    }

    /// <summary>Throws <see cref="SupportQueueException"/> (InvalidSettings) listing every problem.</summary>
    public void EnsureValid(string path = "$")
    {
        var errors = Validate(path);
        if (errors.Count > 0)
        {
            throw new SupportQueueException(RefusalCode.InvalidSettings, "Invalid desk settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }
}
