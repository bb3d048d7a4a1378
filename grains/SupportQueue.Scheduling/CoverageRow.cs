namespace SupportQueue.Scheduling;

/// <summary>
/// One interval of one group: the head count required, the mean head count the roster has on
/// duty across the interval (fractional when a break takes part of it), and the shortfall
/// (required − scheduled when positive, else 0).
/// </summary>
public sealed record CoverageRow(string Group, int Interval, DateTime Start, int Required, double Scheduled, double Shortfall);
