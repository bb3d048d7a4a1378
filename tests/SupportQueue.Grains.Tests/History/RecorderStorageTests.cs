using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Grains.Tests.Hosting;

namespace SupportQueue.Grains.Tests.History;

/// <summary>
/// How recorder buckets and pages sit in storage: records encoded one by one, pages sealed by count
/// or by bytes (so no page reaches the large-object heap), and buckets and pages stored before
/// records were encoded still read.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RecorderStorageTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(new[] { 10, 10, 10 }, 4, 100, 0)]
    [InlineData(new[] { 10, 10, 10, 10 }, 4, 100, 4)]
    [InlineData(new[] { 10, 10, 10, 10, 10 }, 4, 100, 4)]
    [InlineData(new[] { 40, 40, 40 }, 4, 100, 2)]
    [InlineData(new[] { 40, 60, 1 }, 4, 100, 2)]
    [InlineData(new[] { 150, 10 }, 4, 100, 1)]
    [InlineData(new int[0], 4, 100, 0)]
    public void A_page_is_full_at_its_record_count_or_before_it_passes_its_bytes(int[] sizes, int pageSize, int pageBytes, int expected)
    {
        var open = sizes.Select(n => new byte[n]).ToList();

        Assert.Equal(expected, RecordPages.FullPage(open, pageSize, pageBytes));
    }

    [Fact]
    public async Task A_bucket_and_a_page_stored_before_records_were_encoded_are_read()
    {
        var desk = TestIds.New("old-layout");
        var hour = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var key = RecorderKeys.Bucket(desk, hour);
        var sealedRecord = Record("sealed-1", hour.AddMinutes(5));
        var openRecord = Record("open-1", hour.AddMinutes(20));
        await GrainStorageAccess.WriteAsync(fixture, "page", GrainId.Create("ticketrecordpage", RecorderKeys.Page(key, 0)), new RecordPageState { Unencoded = [sealedRecord] });
        await GrainStorageAccess.WriteAsync(fixture, "recorder", GrainId.Create("ticketrecorder", key), new RecorderBucketState { SealedPages = 1, Unencoded = [openRecord], Taken = 2 });

        var exported = new List<TicketHistoryRecord>();
        await foreach (var record in DeskHistoryExport.ReadAsync(fixture.Client, desk, new ExportRange(hour, hour.AddHours(1))))
        {
            exported.Add(record);
        }

        // Records hold arrays, which compare by reference: compare what they say.
        Assert.Equal(["sealed-1", "open-1"], exported.Select(r => r.Id));
        Assert.Equal([sealedRecord.Created, openRecord.Created], exported.Select(r => r.Created));
        Assert.All(exported, r => Assert.Equal((4.0, "billing", HistoryOutcome.Resolved), (r.HandlingAt("L1")!.Value, Assert.Single(r.Skills), r.Outcome)));
    }

    private static TicketHistoryRecord Record(string id, DateTime created) =>
        new(id, created, Priority.P2, ["billing"], null, "L1", ["L1"], [new TierMinutes("L1", 4)], [], 0, HistoryOutcome.Resolved, created.AddMinutes(4));
}
