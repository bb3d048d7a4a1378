using System.Collections.Immutable;

namespace SupportQueue.Core.Simulation;

/// <summary>Scalar results of one replication, the quantities that get confidence intervals.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ReplicationTotals")]
public sealed record ReplicationTotals(
    [property: Id(0)] ImmutableDictionary<string, double> Values);
