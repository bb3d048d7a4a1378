namespace SupportQueue.Client.Simulation;

/// <summary>One total: mean with its confidence interval over <see cref="N"/> replications. Null where a value does not exist.</summary>
public sealed record TotalDocument(double? Mean, double? HalfWidth, double? Lower, double? Upper, long N, double Level);
