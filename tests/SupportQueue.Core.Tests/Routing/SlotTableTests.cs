using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Tests.Routing;

public class SlotTableTests
{
    [Fact]
    public void Freed_slots_come_back_most_recent_first_and_are_cleared()
    {
        var table = new SlotTable<string?>(2);
        Assert.Equal([0, 1, 2], new[] { table.Add("a"), table.Add("b"), table.Add("c") });
        Assert.Equal(3, table.Used);

        table.Free(0);
        table.Free(2);
        Assert.Null(table[2]);
        Assert.Equal(2, table.Add("d"));
        Assert.Equal(0, table.Add("e"));
        Assert.Equal(3, table.Add("f"));
        Assert.Equal(["e", "b", "d", "f"], Enumerable.Range(0, table.Used).Select(i => table[i]));
    }
}
