namespace SupportQueue.LoadTests.Live;

/// <summary>An operation line of the live view.</summary>
internal sealed record LiveOperationRow(string Name, long Count, double LastRps, double P99Ms, long Errors);
