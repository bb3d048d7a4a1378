using SupportQueue.Core.Model;

namespace SupportQueue.Core.Escalation;

/// <summary>What an escalation policy may know about the desk, read at the moment of the decision.</summary>
public interface IDeskView
{
    DeskSettings Settings { get; }

    /// <summary>Tickets waiting (or being offered) at the tier.</summary>
    int QueueLength(int tier);

    /// <summary>Estimated wait for a ticket joining the tier's queue now; <see cref="TimeSpan.MaxValue"/> when nobody is available.</summary>
    TimeSpan ExpectedWait(int tier);

    /// <summary>Whether some agent of the tier (whatever their presence) holds every one of the skills.</summary>
    bool TierHasSkills(int tier, IReadOnlyList<string> skills);
}
