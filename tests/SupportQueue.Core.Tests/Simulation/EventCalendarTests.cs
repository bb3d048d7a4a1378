using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Tests.Simulation;

public class EventCalendarTests
{
    [Fact]
    public void Events_come_out_in_time_then_sequence_order_whatever_the_mix_of_operations()
    {
        var calendar = new EventCalendar<int>();
        var reference = new SortedSet<(double Time, long Sequence, int Item)>();
        var rng = new Random(12345);
        var sequence = 0L;
        var now = 0.0;
        for (var step = 0; step < 200_000; step++)
        {
            // Keep a few hundred pending, with many equal times (a coarse grid) to exercise the tie-break.
            var schedule = reference.Count == 0 || (reference.Count < 300 && rng.NextDouble() < 0.55);
            if (schedule)
            {
                var time = now + Math.Round(rng.NextDouble() * 20) / 4;
                var item = rng.Next();
                calendar.Enqueue(time, ++sequence, item);
                reference.Add((time, sequence, item));
                continue;
            }

            Assert.True(calendar.TryPeek(out var peekTime, out var peekSequence));
            var expected = reference.Min;
            Assert.Equal(expected.Time, peekTime);
            Assert.Equal(expected.Sequence, peekSequence);
            var got = calendar.Dequeue(out var dequeuedTime);
            Assert.Equal(expected.Item, got);
            Assert.Equal(expected.Time, dequeuedTime);
            reference.Remove(expected);
            now = dequeuedTime;
            Assert.Equal(reference.Count, calendar.Count);
        }

        while (reference.Count > 0)
        {
            var expected = reference.Min;
            Assert.Equal(expected.Item, calendar.Dequeue(out var time));
            Assert.Equal(expected.Time, time);
            reference.Remove(expected);
        }

        Assert.False(calendar.TryPeek(out _, out _));
    }

    [Fact]
    public void Negative_zero_sorts_with_zero_and_negative_times_are_refused()
    {
        var calendar = new EventCalendar<int>();
        calendar.Enqueue(0.0, 2, 2);
        calendar.Enqueue(-0.0, 1, 1);
        Assert.Equal(1, calendar.Dequeue(out _));
        Assert.Equal(2, calendar.Dequeue(out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Enqueue(-1, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Enqueue(double.NaN, 4, 4));
    }
}
