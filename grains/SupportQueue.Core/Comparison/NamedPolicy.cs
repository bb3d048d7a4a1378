using SupportQueue.Core.Model;

namespace SupportQueue.Core.Comparison;

/// <summary>A policy under comparison: a name for reports (usually its file name) and the desk settings it stands for.</summary>
public sealed record NamedPolicy(string Name, DeskSettings Desk);
