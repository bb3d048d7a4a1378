namespace SupportQueue.LoadTests.Orleans;

/// <summary>A submitted ticket as the load target follows it.</summary>
internal sealed class TicketTrack(long number, long intendedStart, long actualStart)
{
    public int Assignments;

    public long Number { get; } = number;

    public long IntendedStart { get; } = intendedStart;

    public long ActualStart { get; } = actualStart;

    public SubmitOutcome SubmitState { get; set; } = SubmitOutcome.Pending;
}
