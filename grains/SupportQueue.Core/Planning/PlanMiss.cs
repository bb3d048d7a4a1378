namespace SupportQueue.Core.Planning;

/// <summary>
/// An interval whose verified service level is shown to miss (confidence interval wholly below the
/// target) after the last round, with the reason and a sentence for a person (e.g. "cap 40 binding
/// on 2026-11-27: 3.0 agents short").
/// </summary>
public sealed record PlanMiss(
    string Tier,
    int Interval,
    DateTime Start,
    double ServiceLevel,
    double HalfWidth,
    double Target,
    double Shortfall,
    MissReason Reason,
    string Detail);
