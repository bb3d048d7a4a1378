namespace SupportQueue.Grains;

/// <summary>Where a recorder bucket's open page is full enough to seal.</summary>
internal static class RecordPages
{
    /// <summary>
    /// How many records at the front of <paramref name="open"/> make a full page: <paramref name="pageSize"/>
    /// records, or as many as fit <paramref name="pageBytes"/> encoded bytes (at least one, so a single
    /// oversized record still gets a page of its own); 0 while they fill neither.
    /// </summary>
    public static int FullPage(IReadOnlyList<byte[]> open, int pageSize, int pageBytes)
    {
        pageSize = Math.Max(1, pageSize);
        long bytes = 0;
        for (var i = 0; i < open.Count; i++)
        {
            bytes += open[i].Length;
            if (bytes > pageBytes)
            {
                return Math.Max(1, i);
            }

            if (i + 1 == pageSize)
            {
                return pageSize;
            }
        }

        return 0;
    }
}
