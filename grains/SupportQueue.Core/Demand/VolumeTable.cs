using System.Collections.Immutable;

namespace SupportQueue.Core.Demand;

/// <summary>
/// A <see cref="VolumeSeries"/> as serialisable data, so a scenario whose demand came from a volume
/// CSV travels to replications anywhere in the cluster. <see cref="Volumes"/> is row-major:
/// interval by interval, one value per class (one total when <see cref="Classes"/> is empty).
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.VolumeTable")]
public sealed record VolumeTable(
    [property: Id(0)] DateTime Start,
    [property: Id(1)] int IntervalMinutes,
    [property: Id(2)] ImmutableArray<string> Classes,
    [property: Id(3)] ImmutableArray<double> Volumes)
{
    public static VolumeTable From(VolumeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var columns = Math.Max(1, series.Classes.Count);
        var volumes = ImmutableArray.CreateBuilder<double>(series.Count * columns);
        for (var t = 0; t < series.Count; t++)
        {
            if (series.Classes.Count == 0)
            {
                volumes.Add(series.Volume(t));
                continue;
            }

            foreach (var c in series.Classes)
            {
                volumes.Add(series.Volume(t, c));
            }
        }

        return new VolumeTable(series.Start, series.IntervalMinutes, [.. series.Classes], volumes.MoveToImmutable());
    }

    public VolumeSeries ToSeries()
    {
        var columns = Math.Max(1, Classes.IsDefault ? 0 : Classes.Length);
        var count = Volumes.Length / columns;
        var volumes = new double[count, columns];
        for (var i = 0; i < Volumes.Length; i++)
        {
            volumes[i / columns, i % columns] = Volumes[i];
        }

        return new VolumeSeries(Start, IntervalMinutes, Classes.IsDefault ? [] : Classes, volumes);
    }
}
