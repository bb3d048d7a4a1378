using SupportQueue.Core.Model;

namespace SupportQueue.Core.Tests.Model;

public class DeskSettingsTests
{
    private static readonly DeskSettings _valid = DeskSettings.Default;

    private static EscalationRule Rule(EscalationRuleKind kind, string? tier = null, double? afterMinutes = null, Priority? priority = null, string? entryTier = null, int? maxLength = null, double? maxWaitMinutes = null) =>
        new(kind, tier, afterMinutes is { } a ? TimeSpan.FromMinutes(a) : null, priority, entryTier, maxLength, maxWaitMinutes is { } w ? TimeSpan.FromMinutes(w) : null);

    public static TheoryData<string, DeskSettings, string> SingleProblems => new()
    {
        { "no tiers", _valid with { Tiers = [] }, "$.tiers: '[]' — a desk needs at least one tier" },
        { "unset tiers", _valid with { Tiers = default }, "$.tiers: '[]' — a desk needs at least one tier" },
        { "empty tier name", _valid with { Tiers = [new("L1"), new("")] }, "$.tiers[1].name: '' — must not be empty" },
        { "null tier", _valid with { Tiers = [new("L1"), null!] }, "$.tiers[1].name: (null) — must not be empty" },
        { "tier name too long", _valid with { Tiers = [new("L1"), new(new string('t', 129))] }, $"$.tiers[1].name: '{new string('t', 40)}…' — is 129 characters long; the limit is 128" },
        { "tier name with a control character", _valid with { Tiers = [new("L\u00011")] }, "$.tiers[0].name: 'L\\u00011' — character 1 (U+0001) is not printable; ids are printable text" },
        { "tier name with a trace separator", _valid with { Tiers = [new("L1"), new("L2;L3")] }, "$.tiers[1].name: 'L2;L3' — must not hold ';': ';', '=', '>' and ':' separate names in ticket-history traces" },
        { "tier name with surrounding space", _valid with { Tiers = [new("L1"), new("L2 ")] }, "$.tiers[1].name: 'L2 ' — must not start or end with white space" },
        { "duplicate tier, other case", _valid with { Tiers = [new("L1"), new("l1")] }, "$.tiers[1].name: 'l1' — duplicate tier name" },
        { "handle time zero", _valid with { Tiers = [new("L1", TimeSpan.Zero)] }, "$.tiers[0].averageHandleTime: 00:00:00 — must be positive" },
        { "undefined selection", _valid with { Selection = (AgentSelection)9 }, "$.selection: '9' — must be LongestIdle, LeastBusy, RoundRobin or BestSkill" },
        { "aging step negative", _valid with { AgingStep = TimeSpan.FromMinutes(-1) }, "$.agingStep: -00:01:00 — must be positive, or null to disable aging" },
        { "aging step zero", _valid with { AgingStep = TimeSpan.Zero }, "$.agingStep: 00:00:00 — must be positive, or null to disable aging" },
        { "no borrowing settings", _valid with { Borrowing = null! }, "$.borrowing: (null) — must be given" },
        { "negative borrowing wait", _valid with { Borrowing = new(true, TimeSpan.FromSeconds(-1)) }, "$.borrowing.minWait: -00:00:01 — must not be negative" },
        { "reservation timeout zero", _valid with { ReservationTimeout = TimeSpan.Zero }, "$.reservationTimeout: 00:00:00 — must be positive" },
        { "max open tickets zero", _valid with { MaxOpenTickets = 0 }, "$.maxOpenTickets: 0 — must be positive" },
        { "wait timeout without tier", _valid with { Escalation = [Rule(EscalationRuleKind.WaitTimeout, afterMinutes: 5)] }, "$.escalation[0].tier: (null) — required for this rule" },
        { "wait timeout unknown tier", _valid with { Escalation = [Rule(EscalationRuleKind.WaitTimeout, "L9", 5)] }, "$.escalation[0].tier: 'L9' — no such tier on this desk" },
        { "wait timeout at the top", _valid with { Escalation = [Rule(EscalationRuleKind.WaitTimeout, "L3", 5)] }, "$.escalation[0].tier: 'L3' — the last tier has nowhere to escalate to" },
        { "wait timeout without after", _valid with { Escalation = [Rule(EscalationRuleKind.WaitTimeout, "L1")] }, "$.escalation[0].after: (null) — required and must be positive" },
        { "wait timeout after zero", _valid with { Escalation = [Rule(EscalationRuleKind.WaitTimeout, "L1", 0)] }, "$.escalation[0].after: 00:00:00 — required and must be positive" },
        { "bypass without priority", _valid with { Escalation = [Rule(EscalationRuleKind.SeverityBypass, entryTier: "L2")] }, "$.escalation[0].priority: (null) — required: P1, P2, P3 or P4" },
        { "bypass undefined priority", _valid with { Escalation = [Rule(EscalationRuleKind.SeverityBypass, priority: (Priority)7, entryTier: "L2")] }, "$.escalation[0].priority: '7' — required: P1, P2, P3 or P4" },
        { "bypass without entry tier", _valid with { Escalation = [Rule(EscalationRuleKind.SeverityBypass, priority: Priority.P1)] }, "$.escalation[0].entryTier: (null) — required for this rule" },
        { "bypass unknown entry tier", _valid with { Escalation = [Rule(EscalationRuleKind.SeverityBypass, priority: Priority.P1, entryTier: "VIP")] }, "$.escalation[0].entryTier: 'VIP' — no such tier on this desk" },
        { "overflow at the top", _valid with { Escalation = [Rule(EscalationRuleKind.Overflow, "L3", maxLength: 3)] }, "$.escalation[0].tier: 'L3' — the last tier has nowhere to overflow to" },
        { "overflow without tier", _valid with { Escalation = [Rule(EscalationRuleKind.Overflow, maxLength: 3)] }, "$.escalation[0].tier: (null) — required for this rule" },
        { "overflow without limits", _valid with { Escalation = [Rule(EscalationRuleKind.Overflow, "L1")] }, "$.escalation[0].maxQueueLength: (null) — give maxQueueLength, maxExpectedWait or both" },
        { "overflow negative length", _valid with { Escalation = [Rule(EscalationRuleKind.Overflow, "L1", maxLength: -1)] }, "$.escalation[0].maxQueueLength: -1 — must not be negative" },
        { "overflow wait zero", _valid with { Escalation = [Rule(EscalationRuleKind.Overflow, "L1", maxWaitMinutes: 0)] }, "$.escalation[0].maxExpectedWait: 00:00:00 — must be positive" },
        { "skill gap unknown tier", _valid with { Escalation = [Rule(EscalationRuleKind.SkillGap, "L0")] }, "$.escalation[0].tier: 'L0' — no such tier on this desk" },
        { "undefined rule kind", _valid with { Escalation = [Rule((EscalationRuleKind)9)] }, "$.escalation[0].kind: '9' — must be WaitTimeout, SeverityBypass, Overflow or SkillGap" },
        { "sla undefined priority", _valid with { Sla = [new((Priority)0, TimeSpan.FromMinutes(1), null)] }, "$.sla[0].priority: 0 — must be P1, P2, P3 or P4" },
        { "sla twice", _valid with { Sla = [new(Priority.P2, null, null), new(Priority.P2, null, null)] }, "$.sla[1].priority: 'P2' — duplicate SLA target for this priority" },
        { "sla first response zero", _valid with { Sla = [new(Priority.P1, TimeSpan.Zero, null)] }, "$.sla[0].firstResponse: 00:00:00 — must be positive" },
        { "sla resolution negative", _valid with { Sla = [new(Priority.P1, null, TimeSpan.FromHours(-2))] }, "$.sla[0].resolution: -02:00:00 — must be positive" },
        { "unset tiers with a rule", _valid with { Tiers = default, Escalation = [Rule(EscalationRuleKind.SkillGap, "L1")] }, "$.tiers: '[]' — a desk needs at least one tier" },
        { "null rule", _valid with { Escalation = [null!] }, "$.escalation[0]: (null) — must not be null" },
        { "sla resolution before first response", _valid with { Sla = [new(Priority.P1, TimeSpan.FromHours(1), TimeSpan.FromMinutes(30))] }, "$.sla[0].resolution: 00:30:00 — must not be shorter than firstResponse (01:00:00): a ticket is answered before it is resolved" },
        { "null sla target", _valid with { Sla = [null!] }, "$.sla[0]: (null) — must not be null" },
    };

    [Theory]
    [MemberData(nameof(SingleProblems))]
    public void Each_problem_is_reported_with_its_path_value_and_reason(string what, DeskSettings settings, string expected)
    {
        var errors = settings.Validate();

        Assert.True(errors.Contains(expected), $"{what}: expected \"{expected}\" in [{string.Join(" | ", errors)}]");
        var ex = Assert.Throws<SupportQueueException>(() => settings.EnsureValid());
        Assert.Equal(RefusalCode.InvalidSettings, ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_settings_have_no_problems()
    {
        var rich = _valid with
        {
            Tiers = [new("Front", TimeSpan.FromMinutes(4)), new("Back"), new("Vendor")],
            Selection = AgentSelection.BestSkill,
            AgingStep = null,
            Borrowing = new(true, TimeSpan.Zero),
            Escalation =
            [
                Rule(EscalationRuleKind.WaitTimeout, "Front", 5, Priority.P1),
                Rule(EscalationRuleKind.SeverityBypass, priority: Priority.P1, entryTier: "back"),
                Rule(EscalationRuleKind.Overflow, "Back", maxLength: 0, maxWaitMinutes: 30),
                Rule(EscalationRuleKind.SkillGap),
            ],
            Sla = [new(Priority.P1, TimeSpan.FromMinutes(5), TimeSpan.FromHours(4)), new(Priority.P4, null, null)],
            MaxOpenTickets = 1,
        };

        Assert.Empty(_valid.Validate());
        Assert.Empty(rich.Validate());
        rich.EnsureValid();
    }

    [Fact]
    public void Every_problem_is_listed_in_order_under_the_given_path()
    {
        var settings = _valid with
        {
            AgingStep = TimeSpan.Zero,
            MaxOpenTickets = -5,
            Escalation = [Rule(EscalationRuleKind.SkillGap), Rule(EscalationRuleKind.WaitTimeout, "L3", -1)],
        };

        Assert.Equal(
        [
            "$.desks[2].agingStep: 00:00:00 — must be positive, or null to disable aging",
            "$.desks[2].maxOpenTickets: -5 — must be positive",
            "$.desks[2].escalation[1].tier: 'L3' — the last tier has nowhere to escalate to",
            "$.desks[2].escalation[1].after: -00:01:00 — required and must be positive",
        ], settings.Validate("$.desks[2]"));
    }

    [Fact]
    public void Tier_lookup_is_case_insensitive_and_absent_names_are_minus_one()
    {
        Assert.Equal((0, 2, -1, -1), (_valid.TierIndex("l1"), _valid.TierIndex("L3"), _valid.TierIndex("L4"), _valid.TierIndex(null)));
        Assert.Equal(-1, (_valid with { Tiers = default }).TierIndex("L1"));
        Assert.Equal(0, (_valid with { Tiers = default }).TierCount);
    }

    [Fact]
    public void Sla_lookup_finds_the_target_of_a_priority()
    {
        var target = new SlaTarget(Priority.P3, TimeSpan.FromHours(1), null);
        var settings = _valid with { Sla = [target] };

        Assert.Same(target, settings.SlaFor(Priority.P3));
        Assert.Null(settings.SlaFor(Priority.P1));
    }
}
