using SupportQueue.Core.Model;

namespace SupportQueue.Core.Tests.Cumulative;

/// <summary>The desk's service-level target is a share above 0 and at most 1; anything else is refused naming the field and value.</summary>
public class ServiceLevelTargetTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(80.0)]
    [InlineData(double.NaN)]
    public void A_target_outside_0_to_1_is_refused(double target)
    {
        var errors = (DeskSettings.Default with { ServiceLevelTarget = target }).Validate();
        Assert.Contains(errors, e => e.StartsWith("$.serviceLevelTarget: ", StringComparison.Ordinal) && e.Contains("0.8 is 80 %", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.8)]
    [InlineData(0.01)]
    public void A_share_up_to_1_is_accepted(double target) =>
        Assert.Empty((DeskSettings.Default with { ServiceLevelTarget = target }).Validate());

    [Theory]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Berlin\u001b[31m")]
    public void An_unknown_time_zone_is_refused_naming_it(string zone)
    {
        var errors = (DeskSettings.Default with { TimeZone = zone }).Validate();
        Assert.Contains(errors, e => e.StartsWith("$.timeZone: ", StringComparison.Ordinal) && e.Contains("time zone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    public void An_IANA_zone_is_accepted(string zone) =>
        Assert.Empty((DeskSettings.Default with { TimeZone = zone }).Validate());
}
