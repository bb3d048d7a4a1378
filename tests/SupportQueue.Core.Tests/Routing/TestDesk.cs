using System.Collections.Immutable;
using System.Text;
using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>Shared builders so each test states only what it is about, with explicit times throughout.</summary>
internal static class TestDesk
{
    public const string DeskId = "desk-1";

    /// <summary>A Monday morning; arbitrary, but fixed so failures are reproducible.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Min(double minutes) => T0.AddMinutes(minutes);

    public static DateTimeOffset Sec(double seconds) => T0.AddSeconds(seconds);

    public static DeskSettings Settings(params string[] tiers) =>
        DeskSettings.Default with { Tiers = [.. tiers.Select(t => new TierSettings(t))] };

    public static DeskScheduler Create(DeskSettings? settings = null, IEscalationPolicy? policy = null, bool expireOffers = true) =>
        new(DeskId, settings ?? DeskSettings.Default, policy, new DeskSchedulerOptions { ExpireOffers = expireOffers });

    public static TicketSpec Ticket(string id, Priority priority = Priority.P3, params string[] skills) =>
        new(id, DeskId, priority, [.. skills]);

    public static AgentSpec AgentSpec(string id, string tier = "L1", int capacity = 1, params SkillLevel[] skills) =>
        new(id, DeskId, tier, [.. skills], capacity);

    public static SkillLevel Skill(string name, int proficiency = 3) => new(name, proficiency);

    public static void AddAgent(this DeskScheduler desk, string id, DateTimeOffset at, string tier = "L1", int capacity = 1, Presence presence = Presence.Available, params SkillLevel[] skills) =>
        desk.UpsertAgent(AgentSpec(id, tier, capacity, skills), presence, at);

    public static Placement Submit(this DeskScheduler desk, string id, DateTimeOffset at, Priority priority = Priority.P3, params string[] skills) =>
        desk.Submit(Ticket(id, priority, skills), at);

    public static Offer NextOffer(this DeskScheduler desk, DateTimeOffset now)
    {
        Assert.True(desk.TryNextOffer(now, out var offer), $"expected an offer at {now:HH:mm:ss}");
        return offer;
    }

    public static void AssertNoOffer(this DeskScheduler desk, DateTimeOffset now)
    {
        var any = desk.TryNextOffer(now, out var offer);
        Assert.False(any, $"expected no offer, got {offer}");
    }

    /// <summary>Offers and accepts: the ticket is now held by the chosen agent.</summary>
    public static Offer Assign(this DeskScheduler desk, DateTimeOffset now)
    {
        var offer = desk.NextOffer(now);
        Assert.True(desk.AcceptOffer(offer.ReservationId, now));
        return offer;
    }

    /// <summary>Ticket ids in the order the desk offers them (offers are left pending, so each is taken once).</summary>
    public static List<string> OfferOrder(this DeskScheduler desk, DateTimeOffset now)
    {
        var order = new List<string>();
        while (desk.TryNextOffer(now, out var offer))
        {
            order.Add(offer.TicketId);
        }

        return order;
    }

    public static (DeskTicketState State, string Tier, string? Agent) Where(this DeskScheduler desk, string ticketId)
    {
        Assert.True(desk.TryGetTicket(ticketId, out var state, out var tier, out var agent), $"ticket '{ticketId}' is not open");
        return (state, tier, agent);
    }

    public static TierStatus Tier(this DeskStatus status, string name) => status.Tiers.Single(t => t.Tier == name);

    public static SlaCounters Sla(this DeskStatus status, Priority priority) => status.Sla.Single(s => s.Priority == priority);

    /// <summary>
    /// Everything observable about the desk, as text, so "nothing changed" is a string comparison.
    /// Records holding ImmutableArray compare by reference, hence the flattening.
    /// </summary>
    public static string Snapshot(this DeskScheduler desk, DateTimeOffset now, IEnumerable<string> ticketIds, IEnumerable<string> agentIds)
    {
        var status = desk.Status(now);
        var sb = new StringBuilder();
        sb.AppendLine((status with { Tiers = [], Sla = [] }).ToString());
        foreach (var t in status.Tiers)
        {
            sb.AppendLine(t.ToString());
        }

        foreach (var s in status.Sla)
        {
            sb.AppendLine(s.ToString());
        }

        sb.AppendLine($"withdrawn={desk.Withdrawn} next={desk.NextDeadline:O}");
        foreach (var id in ticketIds)
        {
            sb.AppendLine(desk.TryGetTicket(id, out var state, out var tier, out var agent) ? $"{id}: {state} {tier} {agent}" : $"{id}: closed");
        }

        foreach (var id in agentIds)
        {
            sb.AppendLine(desk.HasAgent(id) ? $"{id}: load {desk.AgentLoad(id)}" : $"{id}: absent");
        }

        for (var t = 0; t < desk.Settings.TierCount; t++)
        {
            sb.AppendLine($"tier {t}: length {desk.QueueLength(t)} wait {desk.ExpectedWait(t)}");
        }

        return sb.ToString();
    }

    /// <summary>Asserts the call is refused with <paramref name="code"/> and leaves the desk exactly as it was.</summary>
    public static SupportQueueException AssertRefusedUnchanged(this DeskScheduler desk, RefusalCode code, DateTimeOffset now, IEnumerable<string> ticketIds, IEnumerable<string> agentIds, Action call)
    {
        var tickets = ticketIds.ToArray();
        var agents = agentIds.ToArray();
        var before = desk.Snapshot(now, tickets, agents);
        var ex = Assert.Throws<SupportQueueException>(call);
        Assert.Equal(code, ex.Code);
        desk.CheckInvariants();
        Assert.Equal(before, desk.Snapshot(now, tickets, agents));
        return ex;
    }

    public static ImmutableArray<T> Arr<T>(params T[] items) => [.. items];
}
