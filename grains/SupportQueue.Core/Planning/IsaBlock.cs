namespace SupportQueue.Core.Planning;

/// <summary>
/// Intervals <see cref="First"/> … <see cref="Last"/> of one tier that the iterative staffing loop
/// staffs and judges as one: a single interval, or a run of neighbouring low-volume intervals whose
/// tickets are pooled, since a handful of tickets cannot tell one head count from the next.
/// </summary>
internal sealed record IsaBlock(int First, int Last)
{
    public int Length => Last - First + 1;

    /// <summary>
    /// Splits counted intervals <paramref name="firstCounted"/>… of one tier into blocks: an interval
    /// with at least <paramref name="poolBelow"/> tickets (summed over replications) or none at all
    /// stands alone; consecutive ones with fewer are pooled until the pool reaches
    /// <paramref name="poolBelow"/> or <paramref name="maxLength"/> intervals.
    /// </summary>
    public static List<IsaBlock> Build(IReadOnlyList<double> offered, int firstCounted, double poolBelow, int maxLength)
    {
        var blocks = new List<IsaBlock>();
        var t = firstCounted;
        while (t < offered.Count)
        {
            if (offered[t] <= 0 || offered[t] >= poolBelow || maxLength <= 1)
            {
                blocks.Add(new IsaBlock(t, t));
                t++;
                continue;
            }

            var last = t;
            var pooled = offered[t];
            while (pooled < poolBelow && last + 1 < offered.Count && last + 1 - t + 1 <= maxLength
                && offered[last + 1] > 0 && offered[last + 1] < poolBelow)
            {
                last++;
                pooled += offered[last];
            }

            blocks.Add(new IsaBlock(t, last));
            t = last + 1;
        }

        return blocks;
    }
}
