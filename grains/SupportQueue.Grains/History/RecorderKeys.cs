using System.Globalization;

namespace SupportQueue.Grains;

/// <summary>
/// How recorder grains are keyed: a bucket is a desk's tickets created in one UTC hour, so a
/// ticket's arrival and its close reach the same bucket, and an export of a time range asks only
/// the hours it covers.
/// </summary>
public static class RecorderKeys
{
    /// <summary>The UTC hour <paramref name="at"/> falls in.</summary>
    public static DateTime HourOf(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>The bucket key: the hour first (fixed width), so any desk id may follow.</summary>
    public static string Bucket(string deskId, DateTime created) =>
        HourOf(created).ToString("yyyyMMddHH", CultureInfo.InvariantCulture) + "|" + deskId;

    /// <summary>A sealed page's key: the page number, then the bucket key.</summary>
    public static string Page(string bucketKey, int page) => page.ToString(CultureInfo.InvariantCulture) + "|" + bucketKey;

    /// <summary>The recorder bucket of <paramref name="deskId"/> for tickets created in the hour of <paramref name="created"/>.</summary>
    public static ITicketRecorderGrain TicketRecorder(this IGrainFactory grains, string deskId, DateTime created)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.ByKey<ITicketRecorderGrain>(Bucket(deskId, created));
    }

    /// <summary>Sealed page <paramref name="page"/> of the bucket keyed <paramref name="bucketKey"/>.</summary>
    public static IRecordPageGrain RecordPage(this IGrainFactory grains, string bucketKey, int page)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.ByKey<IRecordPageGrain>(Page(bucketKey, page));
    }
}
