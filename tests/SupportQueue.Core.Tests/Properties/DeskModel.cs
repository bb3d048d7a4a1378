using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Core.Tests.Routing;

namespace SupportQueue.Core.Tests.Properties;

/// <summary>One generated step; the integers are interpreted against the current state, so any sequence is playable.</summary>
public readonly record struct Op(int Kind, int A, int B, int C)
{
    public override string ToString() => $"({Kind},{A},{B},{C})";
}

/// <summary>Random desk settings plus a sequence of operations.</summary>
public sealed record Scenario(int[] Knobs, Op[] Ops)
{
    public override string ToString() => $"knobs=[{string.Join(",", Knobs)}] ops=[{string.Join(",", Ops)}]";
}

/// <summary>Where the test's own bookkeeping says a submitted ticket is. Exactly one per ticket.</summary>
internal enum Where
{
    Queued,
    Offered,
    Assigned,
    Resolved,
    Abandoned,
    Withdrawn,
}

internal sealed class ModelTicket
{
    public required string Id { get; init; }
    public required string[] Skills { get; init; }
    public Where Where { get; set; }
    public string? Agent { get; set; }

    /// <summary>The agent that resolved the ticket last, while it stays resolved.</summary>
    public string? ResolvedBy { get; set; }

    public long Reservation { get; set; }

    /// <summary>
    /// The agent escalation that queued the ticket where it waits, while nothing else has happened
    /// to it there: the desk answers a repeat of it (same agent, same requested tier) with <see cref="EscalationAnswer"/>.
    /// </summary>
    public (string Agent, string? ToTier)? Escalation { get; set; }

    public Placement? EscalationAnswer { get; set; }

    public void ForgetEscalation()
    {
        Escalation = null;
        EscalationAnswer = null;
    }

    public bool Open => Where is Where.Queued or Where.Offered or Where.Assigned;
}

internal sealed class ModelAgent
{
    public required string Id { get; init; }
    public int Tier { get; set; }
    public int Capacity { get; set; }
    public Presence Presence { get; set; }
    public HashSet<string> Skills { get; set; } = [];
}

/// <summary>
/// Plays a <see cref="Scenario"/> against a fresh desk while keeping an independent model of every
/// ticket and agent, and checks the desk against the model after every step.
/// </summary>
internal sealed class DeskModel
{
    private static readonly string[] _skillNames = ["db", "net", "ui"];

    private readonly DeskScheduler _desk;
    private DeskSettings _settings;
    private readonly List<ModelTicket> _tickets = [];
    private readonly Dictionary<string, ModelTicket> _byId = new(StringComparer.Ordinal);
    private readonly List<ModelAgent> _agents = [];
    private readonly SortedDictionary<long, (ModelTicket Ticket, ModelAgent Agent)> _pending = [];
    private DateTimeOffset _now = TestDesk.T0;
    private int _nextTicket;

    public DeskModel(int[] knobs)
    {
        (_settings, var expire) = SettingsFrom(knobs);
        _desk = new DeskScheduler(TestDesk.DeskId, _settings, null, new DeskSchedulerOptions { ExpireOffers = expire });

        // Two agents from the start (a generalist at the bottom, a specialist at the top), so short
        // sequences already route; the operations add, move and reconfigure more.
        UpsertAgent(new Op(0, 2, 0, 1 + (knobs[0] % 2)));
        UpsertAgent(new Op(0, 3, 1 + (6 * (_settings.TierCount - 1)), 3 * 7));
    }

    /// <summary>Everything the desk decided on its own or by choice, for the determinism check.</summary>
    public List<string> Log { get; } = [];

    public static (DeskSettings Settings, bool ExpireOffers) SettingsFrom(int[] k)
    {
        int K(int i) => k[i % k.Length];
        var tierCount = 1 + (K(0) % 4);
        var tiers = Enumerable.Range(1, tierCount).Select(i => new TierSettings($"L{i}", K(1) % 2 == 0 ? null : TimeSpan.FromMinutes(1 + (K(2) % 10)))).ToArray();
        var rules = new List<EscalationRule>();
        for (var t = 0; t < tierCount - 1; t++)
        {
            if ((K(3) >> t) % 2 == 1)
            {
                rules.Add(new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: $"L{t + 1}", After: TimeSpan.FromMinutes(1 + (K(4 + t) % 15))));
            }
        }

        if (tierCount > 1 && K(7) % 3 == 0)
        {
            rules.Add(new EscalationRule(EscalationRuleKind.SeverityBypass, Priority: Priority.P1, EntryTier: $"L{1 + (K(7) % tierCount)}"));
        }

        if (tierCount > 1 && K(8) % 3 == 0)
        {
            int? length = K(8) % 5 == 0 ? null : K(8) % 4;
            TimeSpan? wait = length is null || K(8) % 2 == 0 ? TimeSpan.FromMinutes(5 + (K(8) % 20)) : null;
            rules.Add(new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxQueueLength: length, MaxExpectedWait: wait));
        }

        if (K(9) % 2 == 0)
        {
            rules.Add(new EscalationRule(EscalationRuleKind.SkillGap));
        }

        var settings = new DeskSettings
        {
            Tiers = [.. tiers],
            Selection = (AgentSelection)(K(10) % 4),
            AgingStep = (K(11) % 4) switch { 0 => null, 1 => TimeSpan.FromMinutes(1), 2 => TimeSpan.FromMinutes(5), _ => TimeSpan.FromMinutes(15) },
            Borrowing = new BorrowingSettings(K(12) % 2 == 0, TimeSpan.FromMinutes(K(13) % 4)),
            Escalation = [.. rules],
            Sla = K(14) % 2 == 0 ? [new SlaTarget(Priority.P1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)), new SlaTarget(Priority.P3, TimeSpan.FromMinutes(10), null)] : [],
            ReservationTimeout = TimeSpan.FromSeconds(10 + (K(15) % 120)),
            MaxOpenTickets = 3 + (K(16) % 30),
        };
        return (settings, K(17) % 3 != 0);
    }

    public void Play(IEnumerable<Op> ops)
    {
        var step = 0;
        foreach (var op in ops)
        {
            try
            {
                Apply(op);
                Check();
            }
            catch (Exception e) when (e is not StepFailed)
            {
                throw new StepFailed($"step {step} {op}: {e.Message}", e);
            }

            step++;
        }
    }

    private void Apply(Op op)
    {
        // Weighted so that sequences reach the interesting states (agents online, offers answered)
        // rather than piling up unserved tickets.
        switch (op.Kind % 20)
        {
            case 0:
            case 1:
            case 2:
                Submit(op);
                break;
            case 3:
            case 4:
                UpsertAgent(op);
                break;
            case 5:
                ChangePresence(op);
                break;
            case 6:
            case 7:
            case 8:
                NextOffer();
                break;
            case 9:
            case 10:
            case 11:
                Answer(op);
                break;
            case 12:
                Resolve(op);
                break;
            case 13:
                Escalate(op);
                break;
            case 14:
                Abandon(op);
                break;
            case 15:
                Release(op);
                break;
            case 16:
            case 17:
                Advance(op);
                break;
            case 18:
                RecordAssigned(op);
                break;
            default:
                if (op.A % 3 == 0)
                {
                    Reconfigure(op);
                }
                else
                {
                    Resolve(op);
                }

                break;
        }
    }

    // ------------------------------------------------------------ operations

    private void Submit(Op op)
    {
        var open = _tickets.Where(t => t.Open).ToList();
        if (op.A % 10 == 0 && open.Count > 0)
        {
            var dup = open[op.B % open.Count];
            Refused(RefusalCode.DuplicateTicket, () => _desk.Submit(TestDesk.Ticket(dup.Id), _now));
            return;
        }

        var id = $"t{_nextTicket}";
        var skills = op.B % 3 == 0 ? _skillNames.Where((_, i) => ((op.B / 3) >> i) % 2 == 1).ToArray() : [];
        var priority = (Priority)(1 + (op.A % 4));
        var entry = op.C % 5 == 0 ? _settings.Tiers[op.C % _settings.TierCount].Name : null;
        var spec = new TicketSpec(id, TestDesk.DeskId, priority, [.. skills], entry);
        var createdAt = _now - TimeSpan.FromMinutes(op.C % 7);
        if (open.Count >= _settings.MaxOpenTickets)
        {
            Refused(RefusalCode.QueueFull, () => _desk.Submit(spec, _now, createdAt));
            return;
        }

        _nextTicket++;
        var placement = _desk.Submit(spec, _now, createdAt);
        Log.Add($"submit {id} → {placement.Tier}");
        var ticket = new ModelTicket { Id = id, Skills = skills, Where = Where.Queued };
        _tickets.Add(ticket);
        _byId.Add(id, ticket);
    }

    private void UpsertAgent(Op op)
    {
        var id = $"a{op.B % 6}";
        var tier = (op.B / 6) % _settings.TierCount;
        var capacity = 1 + (op.C % 3);
        var skills = _skillNames.Where((_, i) => ((op.C / 3) >> i) % 2 == 1).Select(s => new SkillLevel(s, 1 + ((op.C + s.Length) % 5))).ToArray();
        var presence = (op.A % 4) switch { 0 => Presence.Offline, 1 => Presence.Break, _ => Presence.Available };
        var spec = new AgentSpec(id, TestDesk.DeskId, _settings.Tiers[tier].Name, [.. skills], capacity);
        var agent = _agents.Find(a => a.Id == id);
        if (agent is not null && Load(agent) > 0 && (agent.Tier != tier || capacity < Load(agent)))
        {
            Refused(RefusalCode.InvalidArgument, () => _desk.UpsertAgent(spec, presence, _now));
            return;
        }

        _desk.UpsertAgent(spec, presence, _now);
        if (agent is null)
        {
            agent = new ModelAgent { Id = id };
            _agents.Add(agent);
        }

        agent.Tier = tier;
        agent.Capacity = capacity;
        agent.Presence = presence;
        agent.Skills = [.. skills.Select(s => s.Skill)];
    }

    private void ChangePresence(Op op)
    {
        var presence = (Presence)(op.B % 3);
        if (_agents.Count == 0 || op.A % 8 == 0)
        {
            Refused(RefusalCode.UnknownAgent, () => _desk.SetPresence("ghost", presence, _now));
            return;
        }

        var agent = _agents[op.A % _agents.Count];
        _desk.SetPresence(agent.Id, presence, _now);
        agent.Presence = presence;
    }

    private void NextOffer()
    {
        if (!_desk.TryNextOffer(_now, out var offer))
        {
            Log.Add("no offer");

            // No offer must mean no waiting ticket has a free, eligible agent in its own tier:
            // a ticket the desk lost track of would otherwise just sit there unnoticed.
            foreach (var t in _tickets.Where(t => t.Where == Where.Queued))
            {
                Assert.True(_desk.TryGetTicket(t.Id, out _, out var tierName, out _));
                var tier = _settings.TierIndex(tierName);
                var idle = _agents.FirstOrDefault(a => a.Tier == tier && a.Presence == Presence.Available && Load(a) < a.Capacity && t.Skills.All(a.Skills.Contains));
                Assert.True(idle is null, $"no offer although {t.Id} waits at {tierName} and {idle?.Id} is free for it");
            }

            return;
        }

        Log.Add($"offer {offer.TicketId} → {offer.AgentId}");
        var ticket = _byId[offer.TicketId];
        var agent = _agents.Single(a => a.Id == offer.AgentId);
        Assert.Equal(Where.Queued, ticket.Where);
        Assert.Equal(Presence.Available, agent.Presence);
        Assert.True(Load(agent) < agent.Capacity, $"offer to {agent.Id} at load {Load(agent)}/{agent.Capacity}");
        Assert.True(ticket.Skills.All(agent.Skills.Contains), $"{agent.Id} lacks a skill of {ticket.Id}");
        var queueTier = _settings.TierIndex(offer.Tier);
        if (offer.Borrowed)
        {
            Assert.True(_settings.Borrowing.Enabled && agent.Tier > queueTier, "borrowed offer against the rules");
        }
        else
        {
            Assert.Equal(queueTier, agent.Tier);
        }

        Assert.False(_pending.ContainsKey(offer.ReservationId));
        ticket.ForgetEscalation();
        ticket.Where = Where.Offered;
        ticket.Agent = agent.Id;
        ticket.Reservation = offer.ReservationId;
        _pending.Add(offer.ReservationId, (ticket, agent));
    }

    private void Answer(Op op)
    {
        if (_pending.Count == 0 || op.A % 10 == 0)
        {
            // An unknown or already answered reservation is ignored, whatever the answer.
            var stale = 1_000_000L + op.B;
            Assert.False(_desk.AcceptOffer(stale, _now));
            Assert.False(_desk.DeclineOffer(stale, _now));
            Assert.False(_desk.WithdrawOffer(stale, _now));
            return;
        }

        var (id, (ticket, agent)) = _pending.ElementAt(op.A % _pending.Count);
        var live = ticket.Where == Where.Offered && ticket.Reservation == id;
        _pending.Remove(id);
        switch (op.B % 4)
        {
            case 0:
            case 1:
                Assert.Equal(live, _desk.AcceptOffer(id, _now));
                Log.Add($"accept {ticket.Id} → {live}");
                if (live)
                {
                    ticket.Where = Where.Assigned;
                }

                break;
            case 2:
                Presence? reported = op.C % 3 == 0 ? (Presence)(op.C / 3 % 3) : null;
                Assert.True(_desk.DeclineOffer(id, _now, reported));
                if (reported is { } p)
                {
                    agent.Presence = p;
                }

                if (live)
                {
                    ticket.Where = Where.Queued;
                    ticket.Agent = null;
                }

                break;
            default:
                Assert.True(_desk.WithdrawOffer(id, _now));
                if (live)
                {
                    ticket.Where = Where.Withdrawn;
                    ticket.Agent = null;
                }

                break;
        }
    }

    private void Resolve(Op op)
    {
        var held = _tickets.Where(t => t.Where == Where.Assigned).ToList();
        if (held.Count == 0 || op.A % 5 == 0)
        {
            RefuseSomethingNotHeld(op, (t, a) => _desk.Resolve(t, a, _now), repeatOf: Where.Resolved);
            return;
        }

        var ticket = held[op.B % held.Count];
        _desk.Resolve(ticket.Id, ticket.Agent!, _now);
        ticket.Where = Where.Resolved;
        ticket.ResolvedBy = ticket.Agent;
        ticket.Agent = null;
    }

    private void Escalate(Op op)
    {
        var escalated = _tickets.Where(t => t.Escalation is not null).ToList();
        if (escalated.Count > 0 && op.A % 5 == 1)
        {
            RetryEscalation(op, escalated[op.B % escalated.Count]);
            return;
        }

        var held = _tickets.Where(t => t.Where == Where.Assigned).ToList();
        if (held.Count == 0 || op.A % 5 == 0)
        {
            RefuseSomethingNotHeld(op, (t, a) => _desk.Escalate(t, a, "stuck", _now), repeat: RepeatedEscalation);
            return;
        }

        var ticket = held[op.B % held.Count];
        Assert.True(_desk.TryGetTicket(ticket.Id, out _, out var tierName, out _));
        var tier = _settings.TierIndex(tierName);
        string? toTier = op.C % 3 == 0 && tier + 1 < _settings.TierCount ? _settings.Tiers[tier + 1 + (op.C % (_settings.TierCount - tier - 1))].Name : null;
        if (toTier is null && tier == _settings.TierCount - 1)
        {
            Refused(RefusalCode.NoHigherTier, () => _desk.Escalate(ticket.Id, ticket.Agent!, "stuck", _now));
            return;
        }

        var placement = _desk.Escalate(ticket.Id, ticket.Agent!, "stuck", _now, toTier);
        Assert.True(_settings.TierIndex(placement.Tier) > tier, $"escalated {ticket.Id} from {tierName} to {placement.Tier}");
        Log.Add($"escalate {ticket.Id} → {placement.Tier}");
        ticket.Escalation = (ticket.Agent!, toTier);
        ticket.EscalationAnswer = placement;
        ticket.Where = Where.Queued;
        ticket.Agent = null;
    }

    /// <summary>The escalation is asked for again, by its agent (a repeat) or by another (a refusal).</summary>
    private void RetryEscalation(Op op, ModelTicket ticket)
    {
        var (agentId, toTier) = ticket.Escalation!.Value;
        Assert.Equal(Where.Queued, ticket.Where);
        if (op.C % 3 == 0 && _agents.FirstOrDefault(a => a.Id != agentId) is { } other)
        {
            Refused(RefusalCode.NotYourTicket, () => _desk.Escalate(ticket.Id, other.Id, "stuck", _now, toTier));
            return;
        }

        Assert.True(RepeatedEscalation(ticket, agentId, toTier));
    }

    /// <summary>When the call is a repeat of the ticket's escalation, checks it is answered as the first was and changes nothing.</summary>
    private bool RepeatedEscalation(ModelTicket ticket, string agentId) => RepeatedEscalation(ticket, agentId, toTier: null);

    private bool RepeatedEscalation(ModelTicket ticket, string agentId, string? toTier)
    {
        if (ticket.Escalation != (agentId, toTier))
        {
            return false;
        }

        var ids = _tickets.Select(t => t.Id).ToArray();
        var agents = _agents.Select(a => a.Id).ToArray();
        var before = _desk.Snapshot(_now, ids, agents);
        var again = _desk.Escalate(ticket.Id, agentId, "stuck again", _now, toTier);
        Assert.Equal(ticket.EscalationAnswer, again);
        Assert.Equal(before, _desk.Snapshot(_now, ids, agents));
        Log.Add($"repeat escalate {ticket.Id} → {again.Tier}");
        return true;
    }

    private void Abandon(Op op)
    {
        if (_tickets.Count == 0)
        {
            Refused(RefusalCode.UnknownTicket, () => _desk.Abandon("t-none", _now));
            return;
        }

        var ticket = _tickets[op.A % _tickets.Count];
        switch (ticket.Where)
        {
            case Where.Queued:
            case Where.Offered:
                _desk.Abandon(ticket.Id, _now);
                ticket.ForgetEscalation();
                ticket.Where = Where.Abandoned;
                break;
            case Where.Assigned:
                Refused(RefusalCode.InvalidTransition, () => _desk.Abandon(ticket.Id, _now));
                break;
            default:
                Refused(RefusalCode.UnknownTicket, () => _desk.Abandon(ticket.Id, _now));
                break;
        }
    }

    private void Release(Op op)
    {
        var held = _tickets.Where(t => t.Where == Where.Assigned).ToList();
        if (held.Count == 0 || op.A % 5 == 0)
        {
            RefuseSomethingNotHeld(op, (t, a) => _desk.ReleaseAssigned(t, a, _now));
            return;
        }

        var ticket = held[op.B % held.Count];
        _desk.ReleaseAssigned(ticket.Id, ticket.Agent!, _now);
        ticket.Where = Where.Queued;
        ticket.Agent = null;
    }

    private void RecordAssigned(Op op)
    {
        var open = _tickets.Where(t => t.Where is Where.Queued or Where.Offered).ToList();
        if (open.Count == 0 || _agents.Count == 0)
        {
            return;
        }

        var ticket = open[op.A % open.Count];
        var agent = _agents[op.B % _agents.Count];

        // The agent side only reports work it had room for; a desk told otherwise would be over capacity.
        if (Load(agent) >= agent.Capacity && ticket.Agent != agent.Id)
        {
            return;
        }

        Assert.True(_desk.RecordAssigned(ticket.Id, agent.Id, _now));
        if (ticket.Where == Where.Offered)
        {
            _pending.Remove(ticket.Reservation);
        }

        Log.Add($"record {ticket.Id} → {agent.Id}");
        ticket.ForgetEscalation();
        ticket.Where = Where.Assigned;
        ticket.Agent = agent.Id;
    }

    private void Reconfigure(Op op)
    {
        // Same tiers (the desk refuses a tier change while it has work), everything else may change.
        int[] knobs = [_settings.TierCount - 1, op.A, op.B, op.C, op.A + op.B, op.B + op.C, op.A + op.C, op.A / 7, op.B / 7, op.C / 7, op.A / 3, op.B / 3, op.C / 3, op.A / 11, op.B / 11, op.C / 11, op.A / 13, op.B / 13];
        var (settings, _) = SettingsFrom(knobs);
        Assert.Equal(_settings.TierCount, settings.TierCount);
        _desk.Reconfigure(settings);
        _settings = settings;
        Log.Add($"reconfigure {settings.Selection} aging={settings.AgingStep} rules={settings.Escalation.Length}");
    }

    private void Advance(Op op)
    {
        _now += TimeSpan.FromSeconds(op.A % 4 == 0 ? op.B % 3600 : op.B % 90);
        var actions = _desk.AdvanceTo(_now);
        var last = DateTimeOffset.MinValue;
        foreach (var action in actions)
        {
            Log.Add($"{action.Kind} {action.TicketId} {action.FromTier}→{action.ToTier} {action.AgentId} {action.At:O}");
            Assert.True(action.At <= _now && action.At >= last, "actions out of time order");
            last = action.At;
            var ticket = _byId[action.TicketId];
            if (action.Kind == DeskActionKind.OfferExpired)
            {
                var (id, _) = _pending.Single(p => p.Value.Ticket == ticket && p.Value.Agent.Id == action.AgentId);
                _pending.Remove(id);
                if (ticket.Where == Where.Offered && ticket.Reservation == id)
                {
                    ticket.Where = Where.Queued;
                    ticket.Agent = null;
                }
            }
            else
            {
                Assert.Equal(Where.Queued, ticket.Where);
                Assert.True(_settings.TierIndex(action.ToTier) > _settings.TierIndex(action.FromTier));
                ticket.ForgetEscalation();
            }
        }
    }

    // ------------------------------------------------------------ checks

    // With repeatOf set, a ticket in that state that this agent itself resolved is no refusal: the
    // desk takes a repeat (a retry whose first attempt was never answered) as a no-op. With repeat
    // set, it checks (and returns true for) a call the desk takes as a repeat.
    private void RefuseSomethingNotHeld(Op op, Action<string, string> call, Where? repeatOf = null, Func<ModelTicket, string, bool>? repeat = null)
    {
        var agentId = _agents.Count > 0 ? _agents[op.C % _agents.Count].Id : "ghost";
        // A ticket offered to this agent is not refused: acting on it settles the offer first.
        var candidates = _tickets.Where(t => (t.Where != Where.Assigned || t.Agent != agentId) && !OfferedTo(t, agentId)).ToList();
        if (candidates.Count == 0 || op.C % 4 == 0)
        {
            Refused(RefusalCode.UnknownTicket, () => call("t-none", agentId));
            return;
        }

        var ticket = candidates[op.B % candidates.Count];
        if (repeat is not null && repeat(ticket, agentId))
        {
            return;
        }

        if (repeatOf is { } closed && ticket.Where == closed && ticket.ResolvedBy == agentId)
        {
            var before = (_desk.Resolved, _desk.OpenTickets, _desk.Withdrawn);
            call(ticket.Id, agentId);
            Assert.Equal(before, (_desk.Resolved, _desk.OpenTickets, _desk.Withdrawn));
            return;
        }

        var code = !ticket.Open ? RefusalCode.UnknownTicket : _agents.Count == 0 ? RefusalCode.UnknownAgent : RefusalCode.NotYourTicket;
        Refused(code, () => call(ticket.Id, agentId));
    }

    private bool OfferedTo(ModelTicket ticket, string agentId) =>
        ticket.Where == Where.Offered && _pending.TryGetValue(ticket.Reservation, out var p) && p.Agent.Id == agentId;

    private void Refused(RefusalCode code, Action call)
    {
        var ids = _tickets.Select(t => t.Id).ToArray();
        var agents = _agents.Select(a => a.Id).ToArray();
        _desk.AssertRefusedUnchanged(code, _now, ids, agents, call);
    }

    private int Load(ModelAgent agent) =>
        _tickets.Count(t => t.Where == Where.Assigned && t.Agent == agent.Id) + _pending.Values.Count(p => p.Agent == agent);

    private void Check()
    {
        _desk.CheckInvariants();

        foreach (var t in _tickets)
        {
            var open = _desk.TryGetTicket(t.Id, out var state, out _, out var agent);
            Assert.True(open == t.Open, $"{t.Id}: model says {t.Where}, desk open={open}");
            if (open)
            {
                var expected = t.Where switch
                {
                    Where.Queued => DeskTicketState.Queued,
                    Where.Offered => DeskTicketState.Offered,
                    _ => DeskTicketState.Assigned,
                };
                Assert.True(expected == state, $"{t.Id}: model says {t.Where}, desk says {state}");
                Assert.Equal(t.Where == Where.Assigned ? t.Agent : null, agent);
            }
        }

        foreach (var a in _agents)
        {
            var load = _desk.AgentLoad(a.Id);
            Assert.True(load == Load(a), $"{a.Id}: desk load {load}, model {Load(a)}");
            Assert.True(load <= a.Capacity, $"{a.Id}: load {load} over capacity {a.Capacity}");
        }

        int Count(Where w) => _tickets.Count(t => t.Where == w);
        Assert.Equal(_tickets.Count, _desk.Submitted);
        Assert.Equal(Count(Where.Resolved), _desk.Resolved);
        Assert.Equal(Count(Where.Abandoned), _desk.Abandoned);
        Assert.Equal(Count(Where.Withdrawn), _desk.Withdrawn);
        Assert.Equal(_tickets.Count(t => t.Open), _desk.OpenTickets);
        Assert.Equal(_desk.Submitted, _desk.OpenTickets + _desk.Resolved + _desk.Abandoned + _desk.Withdrawn);

        var status = _desk.Status(_now);
        Assert.Equal(Count(Where.Queued), status.Tiers.Sum(t => t.Queued));
        Assert.Equal(Count(Where.Offered), status.Tiers.Sum(t => t.Offered));
        Assert.Equal(Count(Where.Assigned), status.Tiers.Sum(t => t.Assigned));
        Assert.Equal(_tickets.Count(t => t.Open), status.Open);
    }

    /// <summary>Changes the desk behind the model's back; for the test that proves the checks bite.</summary>
    public void Sabotage() => _desk.Abandon(_tickets.First(t => t.Open).Id, _now);

    public sealed class StepFailed(string message, Exception inner) : Exception(message, inner);
}
