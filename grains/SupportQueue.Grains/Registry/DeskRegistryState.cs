namespace SupportQueue.Grains;

/// <summary>What the desk registry persists: the configured desks' ids.</summary>
[GenerateSerializer, Alias("SupportQueue.DeskRegistryState")]
public sealed class DeskRegistryState
{
    [Id(0)] public SortedSet<string> DeskIds { get; set; } = new(StringComparer.Ordinal);
}
