using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// The desk's escalation policy, with every answer checked before the desk acts on it (a plugged-in
/// policy is outside the engine's control) and with what the policy declares about itself turned
/// into the shortcuts the desk may take.
/// </summary>
internal sealed class CheckedPolicy
{
    private readonly IEscalationPolicy _policy;
    private readonly int _tiers;

    /// <param name="settings">The desk's settings.</param>
    /// <param name="plugged">A plugged-in policy; null for the rules in <paramref name="settings"/>.</param>
    public CheckedPolicy(DeskSettings settings, IEscalationPolicy? plugged)
    {
        _policy = plugged ?? new RuleBasedEscalationPolicy(settings);
        _tiers = settings.TierCount;
        FromSettings = plugged is null;
        ArmsDeadlines = _policy.MayLimitWait || (settings.Borrowing.Enabled && settings.Borrowing.MinWait > TimeSpan.Zero);
        PlainEntry = _policy.AdmitsAtFirstTier;
    }

    /// <summary>Whether this is the rule policy of the settings (no policy was plugged in).</summary>
    public bool FromSettings { get; }

    /// <summary>
    /// False when no queued ticket can need a deadline: the policy never limits waiting and
    /// borrowing has no minimum wait. Then queueing a ticket skips the deadline bookkeeping.
    /// </summary>
    public bool ArmsDeadlines { get; }

    /// <summary>
    /// A ticket that asks for no entry tier is queued at the first tier, for no reason given, so
    /// admitting it skips the two policy calls (one per ticket in a simulation).
    /// </summary>
    public bool PlainEntry { get; }

    /// <summary>Where a new or reopened ticket is queued: the entry tier, then any redirection from there.</summary>
    public int Place(DeskTicket ticket, IDeskView desk, out string? reason)
    {
        if (PlainEntry && ticket.RequestedEntryTier is null)
        {
            reason = null;
            return 0;
        }

        return Ask(ticket, desk, out reason);
    }

    private int Ask(DeskTicket ticket, IDeskView desk, out string? reason)
    {
        var view = View(ticket);
        var entry = _policy.EntryTier(view, desk);
        Check(entry.Tier, 0, nameof(IEscalationPolicy.EntryTier));
        var redirect = _policy.Redirect(view, entry.Tier, desk);
        Check(redirect.Tier, entry.Tier, nameof(IEscalationPolicy.Redirect));
        reason = Join(entry.Reason, redirect.Reason);
        return redirect.Tier;
    }

    /// <summary>The tier above the ticket's the policy escalates to; -1 when there is none. Unchecked: see <see cref="IsTier"/>.</summary>
    public int EscalationTarget(DeskTicket ticket, IDeskView desk) => _policy.EscalationTarget(View(ticket), ticket.Tier, desk);

    /// <summary>Where a ticket about to join <paramref name="tier"/> goes instead, if anywhere. Unchecked: see <see cref="IsTier"/>.</summary>
    public TierDecision Redirect(DeskTicket ticket, int tier, IDeskView desk) => _policy.Redirect(View(ticket), tier, desk);

    public TimeSpan? WaitLimit(DeskTicket ticket, IDeskView desk) => _policy.WaitLimit(View(ticket), ticket.Tier, desk);

    /// <summary>Whether a policy's answer is a tier of the desk no lower than <paramref name="atLeast"/>.</summary>
    public bool IsTier(int tier, int atLeast) => tier >= atLeast && tier < _tiers;

    /// <summary>Throws, naming the policy and the decision, when the answer is not <see cref="IsTier"/>.</summary>
    public void Check(int tier, int atLeast, string decision)
    {
        if (!IsTier(tier, atLeast))
        {
            throw new InvalidOperationException($"escalation policy {_policy.GetType().Name}: {decision} chose tier {tier}, expected {atLeast} to {_tiers - 1}");
        }
    }

    public static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";

    private static TicketView View(DeskTicket t) => new(t.Id ?? "", t.Priority, t.Skills, t.RequestedEntryTier);
}
