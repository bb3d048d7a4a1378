namespace SupportQueue.Json;

/// <summary>One step of a JSON path: a property name or an array index.</summary>
internal readonly record struct JsonPathStep(string? Name, int? Index);
