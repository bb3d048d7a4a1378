using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Tests;

public class InvariantCheckerTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Submits_the_desk_withdrew_because_their_ticket_was_never_stored_are_not_counted_as_tickets()
    {
        var world = new World();
        world.Resolved("t1", "a1");
        var status = world.Status();

        // Two more submits reached the desk, whose ticket grains died before storing them.
        var withdrawn = InvariantChecker.Check(world.Input() with { Status = status with { Submitted = status.Submitted + 2, Withdrawn = 2 } });
        var unexplained = InvariantChecker.Check(world.Input() with { Status = status with { Submitted = status.Submitted + 2 } });

        Assert.True(withdrawn.Passed, string.Join("\n", withdrawn.Violations));
        Assert.Contains(unexplained.Violations, v => v == "desk accounting: desk counts 3 submitted (less withdrawn), the tickets say 1");
    }

    [Fact]
    public void A_submit_still_waiting_for_its_answer_is_uncertain_and_its_ticket_counts_when_it_exists()
    {
        var (submitted, uncertain) = InvariantChecker.SplitSubmits(new Dictionary<string, SubmitOutcome>
        {
            ["stored"] = SubmitOutcome.Stored,
            ["pending"] = SubmitOutcome.Pending,
            ["unknown"] = SubmitOutcome.Unknown,
            ["refused"] = SubmitOutcome.Refused,
        });

        Assert.Equal(["stored"], submitted);
        Assert.Equal(["pending", "unknown"], uncertain.Order(StringComparer.Ordinal));

        // The silo that stored "pending" was killed before it answered; the ticket lived on and was
        // resolved, and the desk counts it. Left out of the audit, it made the desk look wrong.
        var world = new World();
        world.Resolved("stored", "a1");
        world.Resolved("pending", "a2");
        world.Submitted.Remove("pending");
        var withPending = InvariantChecker.Check(world.Input() with { Submitted = submitted, Uncertain = uncertain });
        var withoutPending = InvariantChecker.Check(world.Input() with { Submitted = submitted, Uncertain = new HashSet<string>(["unknown"]) });

        Assert.True(withPending.Passed, string.Join("\n", withPending.Violations));
        Assert.Equal(1, withPending.UncertainFound);

        // Issue 11 defect 7: each call that errored or never answered is reported stored or not.
        Assert.Equal(
            [new UncertainSubmit("pending", true, TicketStatus.Resolved), new UncertainSubmit("unknown", false, null)],
            withPending.UncertainSubmits);
        var section = SupportQueue.LoadTests.Reports.OrleansReport.InvariantSection(withPending);
        Assert.Contains("2 — 1 stored after all (counted above), 1 not stored (nothing left behind)", section, StringComparison.Ordinal);
        Assert.Contains("| unknown | no | — |", section, StringComparison.Ordinal);
        Assert.Contains("desk accounting: desk counts 2 resolved, the tickets say 1", withoutPending.Violations);
    }

    [Fact]
    public void A_consistent_run_passes_and_every_ticket_is_accounted_for()
    {
        var world = new World();
        world.Resolved("t1", "a1");
        world.Held("t2", "a1");
        world.Queued("t3");
        world.Abandoned("t4");

        var report = InvariantChecker.Check(world.Input());

        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.Equal((4, 1, 1, 1, 1), (report.Accounted, report.Resolved, report.Queued, report.InService, report.Abandoned));
    }

    [Fact]
    public void Two_assignments_in_one_queue_visit_are_a_violation()
    {
        var world = new World();
        var ticket = world.Held("t1", "a1");
        // A second agent "took" it without the ticket ever going back to a queue.
        ticket.History.Add(new TicketEvent(TicketEventKind.Assigned, _t0.AddMinutes(2), "L1", "a2"));

        var report = InvariantChecker.Check(world.Input());

        Assert.False(report.Passed);
        Assert.Contains(report.Violations, v => v.StartsWith("double assignment", StringComparison.Ordinal) && v.Contains("'t1'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ticket_held_by_two_agents_is_a_violation()
    {
        var world = new World();
        world.Held("t1", "a1");
        world.Agent("a2").Assignments.Add("t1");

        var report = InvariantChecker.Check(world.Input());

        Assert.Contains(report.Violations, v => v.Contains("held by both 'a1' and 'a2'", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.StartsWith("holder disagreement", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agent_over_capacity_is_a_violation()
    {
        var world = new World();
        world.Held("t1", "a1");
        world.Held("t2", "a1");
        world.Held("t3", "a1");

        var report = InvariantChecker.Check(world.Input());

        Assert.Contains(report.Violations, v => v.StartsWith("over capacity: agent 'a1' holds 3 tickets, capacity 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lost_ticket_and_desk_counts_that_disagree_are_violations()
    {
        var world = new World();
        world.Resolved("t1", "a1");
        world.Submitted.Add("t-lost");
        // An ambiguous submit that never stored anything is not a loss.
        world.Uncertain.Add("t-maybe");

        var report = InvariantChecker.Check(world.Input() with { Status = world.Status() with { Resolved = 5 } });

        Assert.Contains(report.Violations, v => v == "lost ticket: 't-lost' was submitted successfully but does not exist");
        Assert.Contains(report.Violations, v => v == "desk accounting: desk counts 5 resolved, the tickets say 1");
        Assert.DoesNotContain(report.Violations, v => v.Contains("t-maybe", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_desk_audit_is_a_violation()
    {
        var world = new World();
        world.Queued("t1");

        var report = InvariantChecker.Check(world.Input() with { DeskAuditError = "queue L1 lists t1 twice" });

        Assert.Equal(["desk audit: queue L1 lists t1 twice"], report.Violations);
    }

    /// <summary>A fabricated desk: tickets and agents built through the model's own transitions.</summary>
    private sealed class World
    {
        private readonly Dictionary<string, Ticket?> _tickets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);

        public HashSet<string> Submitted { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Uncertain { get; } = new(StringComparer.Ordinal);

        public Agent Agent(string id)
        {
            if (!_agents.TryGetValue(id, out var agent))
            {
                agent = SupportQueue.Core.Model.Agent.Create(new AgentSpec(id, "desk", "L1", [], Capacity: 2), DeskSettings.Default, _t0);
                _agents[id] = agent;
            }

            return agent;
        }

        public Ticket Queued(string id)
        {
            var ticket = Ticket.Create(new TicketSpec(id, "desk", Priority.P3, []), null, _t0);
            ticket.MarkQueued("L1", _t0);
            _tickets[id] = ticket;
            Submitted.Add(id);
            return ticket;
        }

        public Ticket Held(string id, string agentId)
        {
            var ticket = Queued(id);
            ticket.Assign(agentId, "L1", _t0.AddMinutes(1));
            Agent(agentId).Assignments.Add(id);
            return ticket;
        }

        public Ticket Resolved(string id, string agentId)
        {
            var ticket = Queued(id);
            ticket.Assign(agentId, "L1", _t0.AddMinutes(1));
            ticket.Resolve(agentId, _t0.AddMinutes(9));
            Agent(agentId);
            return ticket;
        }

        public Ticket Abandoned(string id)
        {
            var ticket = Queued(id);
            ticket.Abandon(_t0.AddMinutes(3));
            return ticket;
        }

        public DeskStatus Status()
        {
            var tickets = _tickets.Values.OfType<Ticket>().ToList();
            int Count(TicketStatus s) => tickets.Count(t => t.Status == s);
            return new DeskStatus(
                "desk",
                _t0,
                [new TierStatus("L1", Count(TicketStatus.Queued), 0, TimeSpan.Zero, _agents.Count, 0, 0, Count(TicketStatus.Assigned), 0)],
                ImmutableArray<SlaCounters>.Empty,
                tickets.Count,
                Count(TicketStatus.Resolved),
                Count(TicketStatus.Abandoned),
                0,
                Count(TicketStatus.Queued) + Count(TicketStatus.Assigned));
        }

        public AuditInput Input() => new(Submitted, Uncertain, _tickets, [.. _agents.Values], Status(), null);
    }
}
