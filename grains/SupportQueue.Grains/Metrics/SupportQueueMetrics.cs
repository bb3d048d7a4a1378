using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>
/// The domain's instruments (meter <see cref="MeterName"/>). The grains record what they stored;
/// the engine stays free of them. Static like Orleans' own instruments: grains need no extra
/// service, and a process's silos share one meter that an exporter subscribes to by name.
/// </summary>
public static class SupportQueueMetrics
{
    /// <summary>The meter name an exporter subscribes to.</summary>
    public const string MeterName = "SupportQueue";

    private static readonly Meter _meter = new(MeterName, "1.0");

    // Seconds: routing answers in milliseconds, waits run to hours.
    private static readonly double[] _buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600];

    private static readonly Counter<long> _submitted = _meter.CreateCounter<long>("supportqueue.tickets.submitted", "{ticket}", "Tickets stored and queued");
    private static readonly Counter<long> _assigned = _meter.CreateCounter<long>("supportqueue.tickets.assigned", "{ticket}", "Offers an agent took (a ticket counts again after an escalation or reopen)");
    private static readonly Counter<long> _resolved = _meter.CreateCounter<long>("supportqueue.tickets.resolved", "{ticket}", "Tickets resolved by their agent");
    private static readonly Counter<long> _abandoned = _meter.CreateCounter<long>("supportqueue.tickets.abandoned", "{ticket}", "Waiting tickets the customer withdrew");
    private static readonly Counter<long> _escalated = _meter.CreateCounter<long>("supportqueue.tickets.escalated", "{ticket}", "Escalations, by the tier the ticket went to and who escalated (agent or desk)");
    private static readonly Counter<long> _firstResponse = _meter.CreateCounter<long>("supportqueue.tickets.first_response", "{ticket}", "First assignments, within_target true when inside the first-response target (service level = true / all)");

    private static readonly Histogram<double> _submitToAssign = _meter.CreateHistogram(
        "supportqueue.ticket.submit_to_assign", "s", "Time from submit to the first assignment",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = _buckets });

    private static readonly Histogram<double> _wait = _meter.CreateHistogram(
        "supportqueue.ticket.wait", "s", "Time a ticket waited in its tier's queue before an agent took it",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = _buckets });

    // Desk id → its latest status. Desks publish from their own activation; gauges read it here.
    private static readonly ConcurrentDictionary<string, (DeskStatus Status, TimeProvider Clock)> _desks = new(StringComparer.Ordinal);

    static SupportQueueMetrics()
    {
        _meter.CreateObservableGauge("supportqueue.queue.length", () => PerTier(t => t.Queued), "{ticket}", "Tickets waiting per tier");
        _meter.CreateObservableGauge("supportqueue.queue.oldest_wait", OldestWaits, "s", "How long the oldest waiting ticket of each tier has waited");
        _meter.CreateObservableGauge("supportqueue.agents", Agents, "{agent}", "Agents per tier by presence");
        _meter.CreateObservableGauge("supportqueue.service_level", ServiceLevels, "1", "Share of first responses within target since the desk started (1 when none yet)");
    }

    internal static void RecordSubmitted(Ticket ticket) => _submitted.Add(1, Tags(ticket));

    internal static void RecordAssigned(Ticket ticket, TimeSpan waited, bool first)
    {
        var tags = Tags(ticket);
        _assigned.Add(1, tags);
        _wait.Record(waited.TotalSeconds, tags);
        if (first && ticket.FirstAssignedAt is { } at)
        {
            var elapsed = at - ticket.CreatedAt;
            _submitToAssign.Record(elapsed.TotalSeconds, tags);
            var within = ticket.FirstResponseTarget is not { } target || elapsed <= target;
            _firstResponse.Add(1, [.. tags.ToArray(), new("within_target", within ? "true" : "false")]);
        }
    }

    internal static void RecordResolved(Ticket ticket) => _resolved.Add(1, Tags(ticket));

    internal static void RecordAbandoned(Ticket ticket) => _abandoned.Add(1, Tags(ticket));

    internal static void RecordEscalated(Ticket ticket, bool byDesk)
    {
        var tags = Tags(ticket);
        tags.Add("by", byDesk ? "desk" : "agent");
        _escalated.Add(1, tags);
    }

    internal static void PublishDesk(DeskStatus status, TimeProvider clock) => _desks[status.DeskId] = (status, clock);

    internal static void ForgetDesk(string deskId) => _desks.TryRemove(deskId, out _);

    private static TagList Tags(Ticket ticket) => new()
    {
        { "desk", ticket.DeskId },
        { "tier", ticket.Tier ?? "" },
        { "priority", ticket.Priority.ToString() },
    };

    private static IEnumerable<Measurement<int>> PerTier(Func<TierStatus, int> value)
    {
        foreach (var (desk, (status, _)) in _desks)
        {
            foreach (var tier in status.Tiers)
            {
                yield return new(value(tier), new("desk", desk), new("tier", tier.Tier));
            }
        }
    }

    // The snapshot is a few seconds old: a tier that still has waiting tickets has aged since.
    private static IEnumerable<Measurement<double>> OldestWaits()
    {
        foreach (var (desk, (status, clock)) in _desks)
        {
            var since = clock.GetUtcNow() - status.At;
            foreach (var tier in status.Tiers)
            {
                var wait = tier.Queued > 0 ? tier.OldestWait + (since > TimeSpan.Zero ? since : TimeSpan.Zero) : TimeSpan.Zero;
                yield return new(wait.TotalSeconds, new("desk", desk), new("tier", tier.Tier));
            }
        }
    }

    private static IEnumerable<Measurement<int>> Agents()
    {
        foreach (var (desk, (status, _)) in _desks)
        {
            foreach (var tier in status.Tiers)
            {
                yield return new(tier.Available, new("desk", desk), new("tier", tier.Tier), new("presence", "available"));
                yield return new(tier.OnBreak, new("desk", desk), new("tier", tier.Tier), new("presence", "on_break"));
                yield return new(tier.Offline, new("desk", desk), new("tier", tier.Tier), new("presence", "offline"));
            }
        }
    }

    private static IEnumerable<Measurement<double>> ServiceLevels()
    {
        foreach (var (desk, (status, _)) in _desks)
        {
            yield return new(ServiceLevel(status), new KeyValuePair<string, object?>("desk", desk));
        }
    }

    /// <summary>First responses within target over all first responses so far; 1 when there were none.</summary>
    public static double ServiceLevel(DeskStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        long met = 0, breached = 0;
        foreach (var sla in status.Sla)
        {
            met += sla.FirstResponseMet;
            breached += sla.FirstResponseBreached;
        }

        return met + breached == 0 ? 1.0 : (double)met / (met + breached);
    }
}
