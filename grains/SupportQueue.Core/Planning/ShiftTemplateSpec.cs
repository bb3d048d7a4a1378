using System.Collections.Immutable;

namespace SupportQueue.Core.Planning;

/// <summary>
/// A kind of shift the planner may staff for <see cref="Tier"/>: it starts at any of
/// <see cref="StartTimes"/> (times of day on the scenario's interval grid) on any of
/// <see cref="Days"/> (empty: every day), lasts any of <see cref="Lengths"/> (under a day), and
/// has <see cref="Breaks"/>. Between <see cref="MinPerDay"/> and <see cref="MaxPerDay"/> (null:
/// no limit) people work it on each day, summed over its starts and lengths; each costs
/// <see cref="CostPerPaidHour"/> per paid hour (length less unpaid breaks). The planned agents get
/// the skills and capacity of roster group <see cref="AgentGroup"/> (null: the tier's first group).
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ShiftTemplateSpec")]
public sealed record ShiftTemplateSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Tier,
    [property: Id(2)] ImmutableArray<TimeSpan> StartTimes,
    [property: Id(3)] ImmutableArray<TimeSpan> Lengths,
    [property: Id(4)] double CostPerPaidHour,
    [property: Id(5)] ImmutableArray<DayOfWeek> Days = default,
    [property: Id(6)] ImmutableArray<BreakRuleSpec> Breaks = default,
    [property: Id(7)] int MinPerDay = 0,
    [property: Id(8)] int? MaxPerDay = null,
    [property: Id(9)] string? AgentGroup = null);
