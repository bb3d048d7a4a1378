using SupportQueue.Core.History;
using SupportQueue.Core.Model;

namespace SupportQueue.Json.Tests;

public class TicketHistoryJsonLinesTests
{
    private static readonly string[] _tiers = ["L1", "L2"];

    [Fact]
    public void Written_lines_read_back_equal_and_match_the_csv_form()
    {
        var created = new DateTime(2026, 11, 23, 8, 1, 40, DateTimeKind.Utc);
        TicketHistoryRecord[] records =
        [
            new("T1", created, Priority.P2, ["integration"], "api", "L1", ["L1", "L2"],
                [new TierMinutes("L1", 9.1), new TierMinutes("L2", 35)], [new HistoryEscalation("L1", "L2", "needs \"admin\"")], 2, HistoryOutcome.Resolved, created.AddHours(1)),
            new("T2", created.AddMinutes(1), Priority.P4, [], null, "L1", ["L1"], [], [], null, HistoryOutcome.Open, null),
        ];

        var lines = TicketHistoryJsonLines.Write(records);
        var read = TicketHistoryJsonLines.Parse(lines, _tiers);
        var viaCsv = TicketHistoryCsv.Parse(TicketHistoryCsv.Write(read), _tiers);

        Assert.Equal(2, lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(TicketHistoryCsv.Write(records), TicketHistoryCsv.Write(read));
        Assert.Equal(TicketHistoryJsonLines.Write(viaCsv), lines);
    }

    [Theory]
    [InlineData("""{"id":"A","created":"2026-11-23T08:00:00","priority":"P3","entryTier":"L1","outcome":"resolved"}""", "row 1, created", "no time zone")]
    [InlineData("""{"id":"A","created":"2026-11-23T08:00:00Z","priority":"P3","entryTier":"L3","outcome":"resolved"}""", "row 1, entryTier", "unknown tier")]
    [InlineData("""{"id":"A","created":"2026-11-23T08:00:00Z","priority":"P3","entryTier":"L1","outcome":"resolved","colour":"red"}""", "row 1, colour", "unknown field")]
    [InlineData("""{"id":"A","created":"2026-11-23T08:00:00Z","priority":"P3","entryTier":"L1","outcome":"resolved","handling":{"L1":"3"}}""", "row 1, handling", "object of minutes")]
    [InlineData("""{"id":"A","created":"2026-11-23T08:00:00Z","priority":"P3","entryTier":"L1","outcome":"resolved","handling":{"L1":-3}}""", "row 1, handling.L1", "must be ≥ 0")]
    [InlineData("""{"id":"A","created":"2026-11-23T08:00:00Z","priority":"P3","entryTier":"L1","outcome":"gone"}""", "row 1, outcome", "unknown outcome")]
    [InlineData("""{"id":"A","id":"B"}""", "row 1", "not a JSON object")]
    public void Malformed_line_is_refused_naming_row_and_field(string line, string where, string reason)
    {
        var ex = Assert.Throws<TicketHistoryException>(() => TicketHistoryJsonLines.Parse(line + "\n", _tiers));

        Assert.Contains(ex.Errors, e => e.Path == where && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Unsorted_lines_are_refused()
    {
        var text = """
            {"id":"A","created":"2026-11-23T08:05:00Z","priority":"P3","entryTier":"L1","outcome":"resolved"}
            {"id":"B","created":"2026-11-23T08:00:00Z","priority":"P3","entryTier":"L1","outcome":"resolved"}
            """;

        var ex = Assert.Throws<TicketHistoryException>(() => TicketHistoryJsonLines.Parse(text, _tiers));

        Assert.Equal("row 2, created", Assert.Single(ex.Errors).Path);
    }
}
