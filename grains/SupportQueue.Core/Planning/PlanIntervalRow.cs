namespace SupportQueue.Core.Planning;

/// <summary>
/// One tier in one interval of the plan. Head counts: <see cref="ErlangRequired"/> (stationary
/// Erlang C/A on the offered load, the baseline), <see cref="SimulatedRequired"/> (on duty, by the
/// iterative staffing loop), <see cref="GrossRequired"/> (what the roster had to cover: the simulated
/// requirement plus <see cref="Raised"/> by verification, grossed up for shrinkage), and
/// <see cref="Scheduled"/> (rostered heads on duty, mean over the interval: breaks make it
/// fractional; before shrinkage). The service level is the verified one (fresh seeds) with its 95 %
/// half-width (NaN when not loaded or with one replication); <see cref="Offered"/> is the mean
/// tickets joining the tier's queue per replication in the verification. <see cref="InTemplateHours"/>
/// is false where no shift template of the tier can be on duty (tickets there wait for opening
/// time): such intervals are reported apart and left out of the met share.
/// </summary>
public sealed record PlanIntervalRow(
    string Tier,
    int Interval,
    DateTime Start,
    bool Counted,
    double Target,
    double Offered,
    int ErlangRequired,
    int SimulatedRequired,
    int Raised,
    int GrossRequired,
    double Scheduled,
    double ServiceLevel,
    double HalfWidth,
    IntervalVerdict Verdict,
    bool InTemplateHours = true)
{
    public bool Loaded => Verdict != IntervalVerdict.NotLoaded;

    /// <summary>Counted, loaded and outside every template's hours.</summary>
    public bool OutsideTemplateHours => Counted && Loaded && !InTemplateHours;
}
