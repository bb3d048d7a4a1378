using SupportQueue.Core.Model;

namespace SupportQueue.Core.Escalation;

/// <summary>The declarative policy built from a desk's <see cref="DeskSettings.Escalation"/> rules.</summary>
public sealed class RuleBasedEscalationPolicy : IEscalationPolicy
{
    private readonly EscalationRule[] _rules;
    private readonly DeskSettings _settings;

    public RuleBasedEscalationPolicy(DeskSettings settings)
    {
        _settings = settings;
        _rules = settings.Escalation.IsDefault ? [] : [.. settings.Escalation];
        HasWaitTimeouts = _rules.Any(r => r.Kind == EscalationRuleKind.WaitTimeout);
    }

    /// <summary>Whether any rule limits waiting; without one, <see cref="WaitLimit"/> is always null.</summary>
    public bool HasWaitTimeouts { get; }

    /// <summary>
    /// Whether there are rules at all. Without any, a ticket that requests no entry tier enters at
    /// the first tier and is never redirected, for no reason given.
    /// </summary>
    public bool HasRules => _rules.Length > 0;

    /// <inheritdoc/>
    public bool MayLimitWait => HasWaitTimeouts;

    /// <inheritdoc/>
    public bool AdmitsAtFirstTier => !HasRules;

    public TierDecision EntryTier(TicketView ticket, IDeskView desk)
    {
        var tier = 0;
        string? reason = null;
        if (ticket.RequestedEntryTier is { } requested && _settings.TierIndex(requested) is var r and >= 0)
        {
            tier = r;
            reason = "entry tier requested";
        }

        foreach (var rule in _rules)
        {
            if (rule.Kind == EscalationRuleKind.SeverityBypass && rule.Priority == ticket.Priority)
            {
                var entry = _settings.TierIndex(rule.EntryTier);
                if (entry > tier)
                {
                    tier = entry;
                    reason = $"severity bypass: {ticket.Priority} enters at {_settings.Tiers[entry].Name}";
                }
            }
        }

        return new TierDecision(tier, reason);
    }

    public TierDecision Redirect(TicketView ticket, int tier, IDeskView desk)
    {
        string? reason = null;
        var last = _settings.TierCount - 1;

        // Each rule can push the ticket up one tier; re-check at the new tier until nothing fires.
        var moved = true;
        while (moved && tier < last)
        {
            moved = false;
            foreach (var rule in _rules)
            {
                if (AppliesAt(rule, tier) && Fires(rule, ticket, tier, desk) is { } why)
                {
                    reason = reason is null ? why : $"{reason}; {why}";
                    tier++;
                    moved = true;
                    break;
                }
            }
        }

        return new TierDecision(tier, reason);
    }

    public TimeSpan? WaitLimit(TicketView ticket, int tier, IDeskView desk)
    {
        TimeSpan? limit = null;
        foreach (var rule in _rules)
        {
            if (rule.Kind == EscalationRuleKind.WaitTimeout && _settings.TierIndex(rule.Tier) == tier
                && (rule.Priority is null || rule.Priority == ticket.Priority)
                && rule.After is { } after && (limit is null || after < limit))
            {
                limit = after;
            }
        }

        return limit;
    }

    public int EscalationTarget(TicketView ticket, int fromTier, IDeskView desk) =>
        fromTier + 1 < _settings.TierCount ? fromTier + 1 : -1;

    private bool AppliesAt(EscalationRule rule, int tier) => rule.Kind switch
    {
        EscalationRuleKind.Overflow => _settings.TierIndex(rule.Tier) == tier,
        EscalationRuleKind.SkillGap => rule.Tier is null || _settings.TierIndex(rule.Tier) == tier,
        _ => false,
    };

    private string? Fires(EscalationRule rule, TicketView ticket, int tier, IDeskView desk)
    {
        var name = _settings.Tiers[tier].Name;
        if (rule.Priority is { } p && p != ticket.Priority)
        {
            return null;
        }

        switch (rule.Kind)
        {
            case EscalationRuleKind.Overflow:
                if (rule.MaxQueueLength is { } maxLength && desk.QueueLength(tier) >= maxLength)
                {
                    return $"overflow: {name} queue at {desk.QueueLength(tier)} ≥ {maxLength}";
                }

                if (rule.MaxExpectedWait is { } maxWait && desk.ExpectedWait(tier) is var expected && expected > maxWait)
                {
                    return expected == TimeSpan.MaxValue
                        ? $"overflow: nobody available at {name}"
                        : $"overflow: expected wait at {name} {expected:hh\\:mm\\:ss} > {maxWait:hh\\:mm\\:ss}";
                }

                return null;
            case EscalationRuleKind.SkillGap:
                // Only move up when a higher tier can actually help; otherwise wait for a skilled agent here.
                return ticket.Skills.Count > 0 && !desk.TierHasSkills(tier, ticket.Skills) && HigherTierHasSkills(ticket, tier, desk)
                    ? $"skill gap: no {name} agent has {string.Join("+", ticket.Skills)}"
                    : null;
            default:
                return null;
        }
    }

    private bool HigherTierHasSkills(TicketView ticket, int tier, IDeskView desk)
    {
        for (var t = tier + 1; t < _settings.TierCount; t++)
        {
            if (desk.TierHasSkills(t, ticket.Skills))
            {
                return true;
            }
        }

        return false;
    }
}
