using System.Text.Json;
using SupportQueue.Json;
using SupportQueue.Core.Demand;

namespace SupportQueue.Core.Tests.Demand;

public class DemandProfileTests
{
    private const string ValidJson = """
        {
          "baseVolume": 12,
          "intervalMinutes": 30,
          "intraday": [1, 1, 2, 2, 4, 4, 2, 1],
          "dayOfWeek": [1.2, 1, 1, 1, 0.9, 0.4, 0.3],
          "seasons": [ { "from": "2026-12-01", "to": "2026-12-24", "factor": 1.5, "name": "Christmas" } ],
          "events": [ { "name": "Black Friday", "from": "2026-11-27T00:00", "to": "2026-11-28T00:00", "factor": 4 } ]
        }
        """;

    [Fact]
    public void A_valid_profile_parses_from_json_and_validates_clean()
    {
        var profile = JsonSerializer.Deserialize<DemandProfile>(ValidJson, SupportQueueJson.Options)!;
        Assert.Empty(profile.Validate("$.demand"));
        Assert.Equal(48, profile.IntervalsPerDay);
        Assert.Equal(new DateTime(2026, 11, 27), profile.Events![0].From);
        Assert.Equal(new DateOnly(2026, 12, 24), profile.Seasons![0].To);
    }

    [Fact]
    public void Every_problem_is_reported_with_path_value_and_reason()
    {
        const string json = """
            {
              "intervalMinutes": 20,
              "intraday": [1, 2, 3, 4, 5, 6, 7],
              "dayOfWeek": [1, 1, 1, 1, 1, -1],
              "seasons": [
                { "from": "2026-12-01", "to": "2026-12-24", "factor": 1.5 },
                { "from": "2026-12-10", "to": "2026-12-31", "factor": 2 },
                { "from": "2027-01-10", "to": "2027-01-01", "factor": 1 }
              ],
              "events": [
                { "name": "", "from": "2026-11-27T10:05", "to": "2026-11-27T09:00", "factor": -4 }
              ]
            }
            """;
        var errors = JsonSerializer.Deserialize<DemandProfile>(json, SupportQueueJson.Options)!.Validate("$.demand").Select(e => e.ToString()).ToList();

        Assert.Contains("$.demand.baseVolume: (missing) — required", errors);
        Assert.Contains("$.demand.intervalMinutes: 20 — must be 15 or 30", errors);
        Assert.Contains("$.demand.intraday: [7 items] — length must divide 96 (intervals per day at 20 minutes), e.g. 96, 48, 24 or 1", errors);
        Assert.Contains("$.demand.dayOfWeek: [6 items] — must have 7 factors, Monday first", errors);
        Assert.Contains("$.demand.dayOfWeek[5]: -1 — must be >= 0", errors);
        Assert.Contains("$.demand.seasons[1].from: 2026-12-10 — season 2026-12-10..2026-12-31 overlaps seasons[0] (2026-12-01..2026-12-24)", errors);
        Assert.Contains("$.demand.seasons[2].to: 2027-01-01 — must be on or after from (2027-01-10)", errors);
        Assert.Contains("$.demand.events[0].name: (missing) — required", errors);
        Assert.Contains("$.demand.events[0].factor: -4 — must be >= 0", errors);
        Assert.Contains("$.demand.events[0].from: 2026-11-27T10:05:00 — must fall on a 15-minute interval boundary", errors);
        Assert.Contains("$.demand.events[0].to: 2026-11-27T09:00:00 — must be after from (2026-11-27T10:05:00)", errors);
        Assert.Equal(11, errors.Count);
    }

    [Fact]
    public void Intraday_weights_must_not_all_be_zero()
    {
        var profile = new DemandProfile { BaseVolume = 1, Intraday = [0, 0] };
        Assert.Equal("$.intraday: [2 items] — weights must not all be zero", Assert.Single(profile.Validate()).ToString());
    }

    [Fact]
    public void Rate_function_rejects_an_invalid_profile()
    {
        var profile = new DemandProfile { BaseVolume = -1 };
        var exception = Assert.Throws<ArgumentException>(() => new RateFunction(profile, new DateTime(2026, 11, 23), 60));
        Assert.Contains("$.baseVolume: -1 — must be >= 0", exception.Message);
    }
}
