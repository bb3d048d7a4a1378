namespace SupportQueue.LoadTests.Runner;

/// <summary>A change of the closed-model copy count at an offset from the scenario start.</summary>
/// <param name="Offset">When the change applies.</param>
/// <param name="Copies">The copy count from then on.</param>
public readonly record struct CopiesChange(TimeSpan Offset, int Copies);
