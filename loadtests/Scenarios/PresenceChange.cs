using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Scenarios;

/// <summary>An agent's presence changes at <paramref name="Minutes"/> simulated minutes into the scenario (shift start or end, break).</summary>
public readonly record struct PresenceChange(double Minutes, int AgentIndex, Presence Presence);
