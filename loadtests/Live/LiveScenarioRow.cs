namespace SupportQueue.LoadTests.Live;

/// <summary>A scenario line of the live view.</summary>
internal sealed record LiveScenarioRow(string Name, double StartsPerSecond, int InFlight, long Started);
