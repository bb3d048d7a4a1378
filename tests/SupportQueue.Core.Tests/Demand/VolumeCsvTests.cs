using System.Globalization;
using System.Text;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Tests.TestSupport;

namespace SupportQueue.Core.Tests.Demand;

public class VolumeCsvTests
{
    private static readonly DateTime _monday = new(2026, 11, 23);
    private static readonly string[] _classes = ["billing", "outage"];

    /// <summary>Two days at 30 minutes: nothing at night (rows left out), a midday peak, two classes.</summary>
    private static (string Csv, Dictionary<(int Interval, string Class), double> Volumes) TwoDays()
    {
        var csv = new StringBuilder("start,volume,class\n# forecast, closed 20:00-07:00\n");
        var volumes = new Dictionary<(int, string), double>();
        for (var t = 0; t < 96; t++)
        {
            var start = _monday.AddMinutes(30 * t);
            var hour = start.TimeOfDay.TotalHours;
            if (hour is < 7 or >= 20)
            {
                continue;
            }

            var billing = Math.Round(4 + 30 * Math.Exp(-Math.Pow((hour - 12) / 3, 2)), 1);
            var outage = t == 70 ? 55.5 : 2.5;
            foreach (var (cls, volume) in new[] { ("billing", billing), ("outage", outage) })
            {
                csv.Append(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd'T'HH:mm},{volume.ToString(CultureInfo.InvariantCulture)},{cls}\n");
                volumes[(t, cls)] = volume;
            }
        }

        return (csv.ToString(), volumes);
    }

    [Fact]
    public void Parsed_volumes_keep_every_interval_class_and_gap()
    {
        var (csv, volumes) = TwoDays();

        var series = VolumeCsv.Parse(csv, _classes);

        Assert.Equal(_monday.AddHours(7), series.Start);
        Assert.Equal(30, series.IntervalMinutes);
        Assert.Equal(_classes, series.Classes);
        Assert.Equal(48 + 40 - 14, series.Count); // Monday 07:00 to Tuesday 19:30 inclusive
        for (var i = 0; i < series.Count; i++)
        {
            var t = i + 14;
            foreach (var cls in _classes)
            {
                Assert.Equal(volumes.GetValueOrDefault((t, cls)), series.Volume(i, cls));
            }

            Assert.Equal(volumes.GetValueOrDefault((t, "billing")) + volumes.GetValueOrDefault((t, "outage")), series.Volume(i), 9);
        }

        var peak = series.ClassShares(70 - 14);
        Assert.Equal(55.5 / series.Volume(70 - 14), peak[1], 12);
        Assert.Equal([0.0, 0.0], series.ClassShares(44 - 14)); // Monday 22:00 is closed
    }

    [Fact]
    public void Arrivals_generated_from_the_csv_reproduce_the_volume_of_every_interval()
    {
        var (csv, _) = TwoDays();
        var series = VolumeCsv.Parse(csv, _classes);
        var rate = series.ToRateFunction();
        Assert.Equal(series.Count, rate.SegmentCount);

        const int replications = 300;
        var counts = new long[series.Count];
        for (var r = 0; r < replications; r++)
        {
            var generator = new ArrivalGenerator(rate, RandomStream.Create(20261123, StreamId.Arrivals, r));
            for (var t = generator.NextArrival(0); double.IsFinite(t); t = generator.NextArrival(t))
            {
                counts[rate.SegmentIndex(t)]++;
            }
        }

        var observed = new List<long>();
        var expected = new List<double>();
        for (var i = 0; i < series.Count; i++)
        {
            var volume = series.Volume(i);
            Assert.Equal(volume, rate.ExpectedCount(rate.SegmentStart(i), rate.SegmentEnd(i)), 9);
            if (volume == 0)
            {
                Assert.Equal(0, counts[i]);
                continue;
            }

            // Mean per replication against the volume: Poisson, so sd = √(volume / replications).
            var mean = counts[i] / (double)replications;
            var sd = Math.Sqrt(volume / replications);
            Assert.True(Math.Abs(mean - volume) <= 4.5 * sd, $"interval {i} ({series.IntervalStart(i):HH:mm}): mean {mean} vs volume {volume} (sd {sd:F3})");
            observed.Add(counts[i]);
            expected.Add(volume * replications);
        }

        var test = ChiSquare.GoodnessOfFit(observed.ToArray(), expected.ToArray(), constraints: 0);
        Assert.True(test.PValue > 0.001, $"chi2 = {test.Statistic}, df = {test.DegreesOfFreedom}, p = {test.PValue}");
    }

    [Fact]
    public void A_run_inside_the_series_and_a_single_class_get_their_own_rates()
    {
        var (csv, volumes) = TwoDays();
        var series = VolumeCsv.Parse(csv, _classes);

        // From Monday 12:15 for 3 hours: a quarter-hour first segment at half the 12:00 volume.
        var rate = series.ToRateFunction(_monday.AddHours(12.25), 180, "outage");
        Assert.Equal(volumes[(24, "outage")] / 2, rate.ExpectedCount(0, 15), 9);
        Assert.Equal(volumes[(25, "outage")], rate.ExpectedCount(15, 45), 9);

        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => series.ToRateFunction(_monday, 60));
        Assert.Contains("inside the volume series", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_without_a_class_column_and_an_explicit_interval()
    {
        var series = VolumeCsv.Parse("volume,start\n3,2026-11-23 08:00\n4.5,2026-11-23 09:00:00\n", intervalMinutes: 30);

        Assert.Empty(series.Classes);
        Assert.Equal([3.0, 0.0, 4.5], Enumerable.Range(0, series.Count).Select(series.Volume));
    }

    [Theory]
    [InlineData("start,volume\n2026-11-23T08:00,1\n2026-11-23T08:30,2,x\n", "line 3", "'2026-11-23T08:30,2,x'", "has 3 fields")]
    [InlineData("start,volume\n2026-11-23T08:00,1\n23/11/2026 08:30,2\n", "line 3, start", "'23/11/2026 08:30'", "wall-clock time")]
    [InlineData("start,volume\n2026-11-23T08:00,1\n2026-11-23T08:30Z,2\n", "line 3, start", "'2026-11-23T08:30Z'", "without a zone")]
    [InlineData("start,volume\n2026-11-23T08:00,1\n2026-11-23T08:30,-2\n", "line 3, volume", "-2", "must be ≥ 0")]
    [InlineData("start,volume\n2026-11-23T08:00,1\n2026-11-23T08:30,NaN\n", "line 3, volume", "'NaN'", "expected a number")]
    [InlineData("start,volume\n2026-11-23T08:30,1\n2026-11-23T08:00,2\n", "line 3, start", "2026-11-23T08:00", "rows must be in time order")]
    [InlineData("start,volume\n2026-11-23T08:00,1\n2026-11-23T08:00,2\n", "line 3, start", "2026-11-23T08:00", "already on line 2")]
    [InlineData("start,volume,class\n2026-11-23T08:00,1,billing\n2026-11-23T08:00,2,billing\n", "line 3, start", "2026-11-23T08:00", "class 'billing' at this start is already on line 2")]
    [InlineData("start,volume,class\n2026-11-23T08:00,1,billing\n2026-11-23T08:00,2,refunds\n", "line 3, class", "'refunds'", "unknown class")]
    [InlineData("start,volume\n2026-11-23T08:00,1\n2026-11-23T08:30,1\n2026-11-23T08:45,1\n2026-11-23T09:00,1\n2026-11-23T09:30,1\n2026-11-23T10:00,1\n", "line 4, start", "2026-11-23T08:45", "overlaps the interval starting 2026-11-23T08:30")]
    [InlineData("start,count\n2026-11-23T08:00,1\n", "line 1, column 2", "'count'", "unknown column")]
    [InlineData("start,volume\n2026-11-23T08:00,1\n", "line 2, start", "2026-11-23T08:00", "cannot be inferred")]
    [InlineData("start,volume\n", "line 1", "(end of file)", "no data rows")]
    [InlineData("start,volume\r\n\r\n", "line 2", "(end of file)", "no data rows")]
    [InlineData("", "line 1", "(empty)", "expected a header")]
    public void Bad_rows_are_named_by_line_field_and_value(string csv, string path, string value, string reason)
    {
        var error = Assert.Throws<VolumeCsvException>(() => VolumeCsv.Parse(csv, _classes));

        var first = error.Errors[0];
        Assert.Equal(path, first.Path);
        Assert.Equal(value, first.Value);
        Assert.Contains(reason, first.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_row_is_reported_at_once()
    {
        var error = Assert.Throws<VolumeCsvException>(() =>
            VolumeCsv.Parse("start,volume,class\n2026-11-23T08:00,-1,billing\n2026-11-23T08:30,x,billing\n\n2026-11-23T09:00,1,\n", _classes));

        Assert.Equal(["line 2, volume", "line 3, volume", "line 5, class"], error.Errors.Select(e => e.Path));
    }

    /// <summary>A one-line binary or wrong file: errors quote the start of the line and its length, not megabytes of it.</summary>
    [Theory]
    [InlineData("header")]
    [InlineData("row")]
    public void Errors_quote_at_most_the_start_of_a_huge_line(string where)
    {
        var huge = new string('a', 1_000_000);
        var csv = where == "header" ? huge + "\n" : "start,volume\n" + huge + ",3\n";

        var error = Assert.Throws<VolumeCsvException>(() => VolumeCsv.Parse(csv, _classes));

        Assert.All(error.Errors, e => Assert.InRange(e.Value.Length, 1, 200));
        Assert.Contains(error.Errors, e => e.Value == $"'{huge[..80]}…' (1000000 characters)");
    }
}
