using SupportQueue.Core.Model;

namespace SupportQueue.Core.Tests.Model;

/// <summary>A submission re-sent after a lost reply is recognised as the same ticket; any difference makes it another ticket.</summary>
public class ResubmissionTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly TicketSpec _original = new("t-1", "desk", Priority.P2, ["billing", "refunds"], "L2", "charged twice");

    public static TheoryData<string, TicketSpec> Different => new()
    {
        { "desk", _original with { DeskId = "other" } },
        { "priority", _original with { Priority = Priority.P1 } },
        { "skills", _original with { Skills = ["billing"] } },
        { "skill order", _original with { Skills = ["refunds", "billing"] } },
        { "entry tier", _original with { EntryTier = null } },
        { "subject", _original with { Subject = "charged thrice" } },
        { "id", _original with { TicketId = "t-2" } },
    };

    [Fact]
    public void The_same_submission_is_recognised_also_after_the_ticket_moved_on()
    {
        var ticket = Ticket.Create(_original, null, _t0);
        ticket.MarkQueued("L2", _t0);
        ticket.Assign("alice", "L2", _t0.AddMinutes(1));

        Assert.True(ticket.IsSameSubmission(_original with { Skills = ["billing", "refunds"] }));
    }

    [Theory]
    [MemberData(nameof(Different))]
    public void Any_difference_is_another_ticket(string field, TicketSpec spec)
    {
        var ticket = Ticket.Create(_original, null, _t0);

        Assert.False(ticket.IsSameSubmission(spec), field);
    }

    [Fact]
    public void A_ticket_never_created_matches_nothing() =>
        Assert.False(new Ticket().IsSameSubmission(_original));
}
