namespace SupportQueue.Core;

/// <summary>Marker type for locating the engine assembly (code generation, reflection in tests).</summary>
public static class CoreAssembly;
