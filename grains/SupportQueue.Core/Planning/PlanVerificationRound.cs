namespace SupportQueue.Core.Planning;

/// <summary>
/// One simulation of a solved roster with fresh seeds: the seed and replications used, the loaded
/// (counted) intervals over all tiers within some template's hours (<see cref="OutsideTemplateHours"/>:
/// loaded intervals no template can be on duty in, counted apart), how many met the target by the mean and how many the
/// confidence interval shows missed, how many intervals' requirements were raised for the next
/// solve (0 on the last round), and the roster's paid hours, cost and gap.
/// </summary>
public sealed record PlanVerificationRound(
    int Round,
    ulong Seed,
    int Replications,
    int LoadedIntervals,
    int MetByMean,
    int Missed,
    int Raised,
    double PaidHours,
    double Cost,
    double Gap,
    int OutsideTemplateHours = 0);
