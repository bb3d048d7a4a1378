using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Silo.Api;

/// <summary>Engine and grain types to the wire format and back; the wire never is persisted state.</summary>
internal static class DtoMapping
{
    public static TicketResponse ToResponse(this Ticket t, DateTimeOffset now)
    {
        var sla = t.EvaluateSla(now);
        return new TicketResponse(
            t.Id, t.DeskId, t.Priority, [.. t.Skills], t.RequestedEntryTier, t.Subject, t.Status, t.Tier, t.AgentId,
            t.CreatedAt, t.FirstAssignedAt, t.ResolvedAt, t.Reopens, sla.FirstResponseMet, sla.ResolutionMet,
            [.. t.History.Select(e => new TicketEventResponse(e.Kind, e.At, e.Tier, e.AgentId, e.Reason))]);
    }

    public static AgentResponse ToResponse(this Agent a) =>
        new(a.Id, a.DeskId, a.Tier, [.. a.Skills.Select(s => new SkillDto(s.Skill, s.Proficiency))], a.Capacity, a.Presence, a.PresenceSince, [.. a.Assignments], a.Resolved, a.Escalated);

    public static PlacementResponse ToResponse(this Placement p) => new(p.TicketId, p.Tier, p.Reason);

    public static DeskAgentResponse ToResponse(this DeskAgent a) => new(a.AgentId, a.Tier, a.Presence, a.Capacity, a.Load);

    public static WaitingTicketResponse ToResponse(this WaitingTicket w) => new(w.TicketId, w.Priority, w.Tier, w.CreatedAt, w.QueuedAt, w.Offered);

    public static DeskStatusResponse ToResponse(this DeskStatus s) => new(
        s.DeskId,
        s.At,
        [.. s.Tiers.Select(t => new TierStatusResponse(t.Tier, t.Queued, t.Offered, t.OldestWait, t.Available, t.OnBreak, t.Offline, t.Assigned, t.FreeCapacity))],
        [.. s.Sla.Select(c => new SlaCountersResponse(c.Priority, c.FirstResponseMet, c.FirstResponseBreached, c.ResolutionMet, c.ResolutionBreached, c.OpenPastFirstResponse))],
        s.Submitted, s.Resolved, s.Abandoned, s.Escalations, s.Open, s.Reopened, s.Withdrawn);

    public static DeskStatisticsResponse ToResponse(this DeskStatisticsReport r, string deskId) =>
        new(deskId, r.At, r.TimeZone, r.ServiceLevelTarget, r.Today.ToResponse(), r.LastHour.ToResponse());

    private static StatisticsWindowResponse ToResponse(this StatisticsWindow w) =>
        new(w.From, w.To, w.Total.ToResponse(), [.. w.Tiers.Select(ToResponse)], [.. w.Priorities.Select(ToResponse)]);

    private static StatisticsFiguresResponse ToResponse(this StatisticsFigures f) =>
        new(f.Tier, f.Priority, f.Offered, f.Answered, f.AnsweredWithinTarget, f.Abandoned, f.ServiceLevel, f.AverageSpeedOfAnswer);

    /// <summary>The request as the engine's spec; null fields were refused before.</summary>
    public static TicketSpec ToSpec(this TicketRequest r) =>
        new(r.TicketId!, r.DeskId!, r.Priority!.Value, r.Skills ?? [], r.EntryTier, r.Subject);

    public static AgentSpec ToSpec(this AgentRequest r, string agentId) =>
        new(agentId, r.DeskId!, r.Tier!, [.. (r.Skills ?? []).Select(s => new SkillLevel(s.Skill!, s.Proficiency!.Value))], r.Capacity ?? 1);
}
