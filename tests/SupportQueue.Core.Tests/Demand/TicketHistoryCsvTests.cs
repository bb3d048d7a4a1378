using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Core.Tests.Routing;

namespace SupportQueue.Core.Tests.Demand;

public class TicketHistoryCsvTests
{
    private static readonly string[] _tiers = ["L1", "L2", "L3"];

    private const string Header = "id,created,priority,skills,class,entryTier,tiers,handling,escalations,firstResponse,outcome,ended\n";

    private static TicketHistoryRecord Sample(string id, DateTime created) => new(
        id, created, Priority.P2, ["integration", "api"], "api, v2", "L1", ["L1", "L2"],
        [new TierMinutes("L1", 9.125), new TierMinutes("L2", 35)],
        [new HistoryEscalation("L1", "L2", "not resolved at L1")], 2.5, HistoryOutcome.Resolved, created.AddMinutes(61.5));

    [Fact]
    public void Written_trace_reads_back_equal()
    {
        var created = new DateTime(2026, 11, 23, 8, 1, 40, DateTimeKind.Utc);
        TicketHistoryRecord[] records =
        [
            Sample("T1", created),
            new("T2", created.AddSeconds(30), Priority.P4, [], null, "L1", ["L1"], [], [], null, HistoryOutcome.Open, null),
            new("T3", created.AddSeconds(30), Priority.P3, ["billing"], "billing", "L1", ["L1"], [], [], null, HistoryOutcome.Abandoned, created.AddMinutes(12)),
        ];

        var text = TicketHistoryCsv.Write(records);
        var read = TicketHistoryCsv.Parse(text, _tiers);

        Assert.Equal(3, read.Count);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(records[i].Id, read[i].Id);
            Assert.Equal(records[i].Created, read[i].Created);
            Assert.Equal(DateTimeKind.Utc, read[i].Created.Kind);
            Assert.Equal(records[i].Priority, read[i].Priority);
            Assert.Equal(records[i].Skills.ToArray(), read[i].Skills.ToArray());
            Assert.Equal(records[i].Class, read[i].Class);
            Assert.Equal(records[i].Tiers.ToArray(), read[i].Tiers.ToArray());
            Assert.Equal(records[i].Handling.ToArray(), read[i].Handling.ToArray());
            Assert.Equal(records[i].Escalations.ToArray(), read[i].Escalations.ToArray());
            Assert.Equal(records[i].FirstResponseMinutes, read[i].FirstResponseMinutes);
            Assert.Equal(records[i].Outcome, read[i].Outcome);
            Assert.Equal(records[i].Ended, read[i].Ended);
        }
    }

    [Fact]
    public void Minimal_columns_in_any_order_are_enough()
    {
        var read = TicketHistoryCsv.Parse("outcome,id,entryTier,priority,created\nresolved,A,L1,p3,2026-11-23T09:00:00+01:00\n");

        var record = Assert.Single(read);
        Assert.Equal(new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), record.Created);
        Assert.Equal(["L1"], record.Tiers.ToArray());
        Assert.Null(record.HandlingAt("L1"));
    }

    [Theory]
    [InlineData("T1,2026-11-23 08:00,P3,,,L1,L1,,,,resolved,", "row 2, created", "'2026-11-23 08:00'", "no time zone")]
    [InlineData("T1,2026-13-23T08:00:00Z,P3,,,L1,L1,,,,resolved,", "row 2, created", "'2026-13-23T08:00:00Z'", "not an ISO-8601 time")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1;L4,,,,resolved,", "row 2, tiers", "'L4'", "unknown tier")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L9,,,,,resolved,", "row 2, entryTier", "'L9'", "unknown tier")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1;L2,L1=2;L2=-3,,,resolved,", "row 2, handling.L2", "'-3'", "must be ≥ 0")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1,L1=abc,,,resolved,", "row 2, handling.L1", "'abc'", "expected minutes")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1,L2=4,,,resolved,", "row 2, handling.L2", "'L2'", "not among the tiers touched")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1,,,,closed,", "row 2, outcome", "'closed'", "unknown outcome")]
    [InlineData("T1,2026-11-23T08:00:00Z,P7,,,L1,L1,,,,resolved,", "row 2, priority", "'P7'", "unknown priority")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1,,,,resolved,2026-11-23T07:00:00Z", "row 2, ended", "'2026-11-23T07:00:00Z'", "before created")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1;L2,,L1-L2,,resolved,", "row 2, escalations", "'>:L1-L2'", "expected FROM>TO")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L2,,,,resolved,", "row 2, tiers", "'L2'", "must start with the entry tier")]
    [InlineData("T1,2026-11-23T08:00:00Z,P3,,,L1,L1,,,-1,resolved,", "row 2, firstResponse", "'-1'", "must be ≥ 0")]
    public void Malformed_row_is_refused_naming_row_field_and_value(string row, string where, string value, string reason)
    {
        var ex = Assert.Throws<TicketHistoryException>(() => TicketHistoryCsv.Parse(Header + row + "\n", _tiers));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(where, error.Path);
        Assert.Equal(value, error.Value);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsorted_rows_and_repeated_ids_are_refused()
    {
        var text = Header
            + "T1,2026-11-23T08:05:00Z,P3,,,L1,L1,,,,resolved,\n"
            + "T2,2026-11-23T08:00:00Z,P3,,,L1,L1,,,,resolved,\n"
            + "T1,2026-11-23T08:06:00Z,P3,,,L1,L1,,,,resolved,\n";

        var ex = Assert.Throws<TicketHistoryException>(() => TicketHistoryCsv.Parse(text, _tiers));

        Assert.Collection(
            ex.Errors,
            e => Assert.Equal(("row 3, created", "2026-11-23T08:00:00Z"), (e.Path, e.Value)),
            e => Assert.Equal(("row 4, id", "'T1'"), (e.Path, e.Value)));
        Assert.Contains("time order", ex.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("row 2", ex.Errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_problems_are_named()
    {
        var ex = Assert.Throws<TicketHistoryException>(() => TicketHistoryCsv.Parse("id,created,colour\n"));

        Assert.Contains(ex.Errors, e => e.Path == "row 1, column 3" && e.Value == "'colour'");
        Assert.Contains(ex.Errors, e => e.Reason.Contains("'priority'", StringComparison.Ordinal));
    }

    /// <summary>
    /// An agent may type a line break or a tab into an escalation reason; the desk's export must
    /// still be a trace its own reader takes (a raw line break split the CSV row, and the reader
    /// refuses control characters in a reason).
    /// </summary>
    [Theory]
    [InlineData("needs\na refund", "needs a refund")]
    [InlineData("needs\r\nrefund;\tnow", "needs refund, now")]
    [InlineData("\u001B[31mred", "[31mred")]
    public void Escalation_reason_with_control_characters_exports_a_trace_that_reads_back(string reason, string expected)
    {
        var ticket = Ticket.Create(new TicketSpec("T1", "d", Priority.P2, [], null, "subject"), null, TestDesk.T0);
        ticket.MarkQueued("L1", TestDesk.Min(1));
        ticket.Assign("a1", "L1", TestDesk.Min(2));
        ticket.Escalate("a1", "L2", TestDesk.Min(3), reason);
        var record = TicketHistoryBuilder.Build(ticket);

        var read = TicketHistoryCsv.Parse(TicketHistoryCsv.Write([record]), _tiers);

        var escalation = Assert.Single(Assert.Single(read).Escalations);
        Assert.Equal(("L1", "L2", expected), (escalation.From, escalation.To, escalation.Reason));
    }

    /// <summary>
    /// A file that is one huge line (a binary or a wrong export) is refused with errors that quote
    /// the start of the line, not all of it: a 5 MB line came back as 30 MB of error text.
    /// </summary>
    [Theory]
    [InlineData("header")]
    [InlineData("row")]
    [InlineData("field")]
    public void Errors_quote_at_most_the_start_of_a_huge_line(string where)
    {
        var huge = new string('a', 1_000_000);
        var text = where switch
        {
            "header" => huge + "\n",
            "row" => Header + huge + "\n",
            _ => Header + "T1," + huge + ",P2,,,L1,L1,,,,open,\n",
        };

        var ex = Assert.Throws<TicketHistoryException>(() => TicketHistoryCsv.Parse(text, _tiers));

        Assert.NotEmpty(ex.Errors);
        Assert.All(ex.Errors, e => Assert.InRange(e.Value.Length, 1, 200));
        Assert.Contains(ex.Errors, e => e.Value == $"'{huge[..80]}…' (1000000 characters)");
    }
}
