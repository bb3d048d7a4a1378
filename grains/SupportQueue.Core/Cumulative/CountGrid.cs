using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Cumulative;

/// <summary>Counts of one period, per tier (by name, any case) and priority.</summary>
internal sealed class CountGrid
{
    private readonly Dictionary<(string Tier, Priority Priority), Counts> _cells = new(KeyComparer.Instance);

    public bool IsEmpty => _cells.Count == 0;

    public Counts At(string tier, Priority priority)
    {
        if (!_cells.TryGetValue((tier, priority), out var counts))
        {
            counts = new Counts();
            _cells.Add((tier, priority), counts);
        }

        return counts;
    }

    public void Clear() => _cells.Clear();

    public IEnumerable<((string Tier, Priority Priority) Key, Counts Counts)> Cells() => _cells.Select(c => (c.Key, c.Value));

    public ImmutableArray<StatisticsCell> Save() =>
        [.. _cells.Select(c => new StatisticsCell(c.Key.Tier, c.Key.Priority, c.Value.Offered, c.Value.Answered, c.Value.AnsweredWithinTarget, c.Value.Abandoned, c.Value.WaitTicks))];

    public void Load(ImmutableArray<StatisticsCell> cells)
    {
        _cells.Clear();
        foreach (var cell in cells.IsDefault ? [] : cells)
        {
            At(cell.Tier, cell.Priority).Add(new Counts
            {
                Offered = cell.Offered,
                Answered = cell.Answered,
                AnsweredWithinTarget = cell.AnsweredWithinTarget,
                Abandoned = cell.Abandoned,
                WaitTicks = cell.WaitTicks,
            });
        }
    }

    internal sealed class Counts
    {
        public long Offered;
        public long Answered;
        public long AnsweredWithinTarget;
        public long Abandoned;
        public long WaitTicks;

        public void Add(Counts other)
        {
            Offered += other.Offered;
            Answered += other.Answered;
            AnsweredWithinTarget += other.AnsweredWithinTarget;
            Abandoned += other.Abandoned;
            WaitTicks += other.WaitTicks;
        }

        public StatisticsFigures Figures(string? tier, Priority? priority)
        {
            var decided = Answered + Abandoned;
            return new StatisticsFigures(
                tier,
                priority,
                Offered,
                Answered,
                AnsweredWithinTarget,
                Abandoned,
                decided == 0 ? null : (double)AnsweredWithinTarget / decided,
                Answered == 0 ? null : TimeSpan.FromTicks(WaitTicks / Answered));
        }
    }

    // Tier names compare in any case, as everywhere in the desk's settings.
    private sealed class KeyComparer : IEqualityComparer<(string Tier, Priority Priority)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Tier, Priority Priority) x, (string Tier, Priority Priority) y) =>
            x.Priority == y.Priority && StringComparer.OrdinalIgnoreCase.Equals(x.Tier, y.Tier);

        public int GetHashCode((string Tier, Priority Priority) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Tier), key.Priority);
    }
}
