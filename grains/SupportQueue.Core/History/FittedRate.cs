namespace SupportQueue.Core.History;

/// <summary>
/// A fitted probability or mean with the counts behind it: escalation (<see cref="Events"/>
/// escalations of <see cref="Exposure"/> services) or patience (<see cref="Events"/> abandons over
/// <see cref="Exposure"/> minutes of waiting, answered tickets censored at their first response).
/// </summary>
public sealed record FittedRate(string Class, string Tier, long Events, double Exposure, double Value);
