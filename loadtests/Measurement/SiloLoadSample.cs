namespace SupportQueue.LoadTests.Measurement;

/// <summary>Per-silo load reported by the target for one interval.</summary>
/// <param name="ElapsedSeconds">Seconds since the run started.</param>
/// <param name="LoadBySilo">Silo name → count the target reported.</param>
public sealed record SiloLoadSample(double ElapsedSeconds, IReadOnlyDictionary<string, long> LoadBySilo);
