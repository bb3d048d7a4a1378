namespace SupportQueue.Core.Model;

/// <summary>Whether an agent takes new work.</summary>
public enum Presence
{
    Offline,
    Available,
    Break,
}
