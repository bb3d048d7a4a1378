using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// What a desk needs to know to route a ticket, checked and normalised once: priority, required
/// skills (distinct, sorted) and the requested entry tier. A host that submits many tickets of the
/// same kind by handle (the simulator) prepares one profile per kind instead of one spec per ticket.
/// </summary>
public sealed class TicketProfile
{
    private TicketProfile(Priority priority, string[] skills, string? entryTier)
    {
        Priority = priority;
        SkillArray = skills;

        // Tickets with the same skill set share a heap, keyed by this.
        SkillKey = skills.Length == 0 ? "" : string.Join('\u001f', skills);
        EntryTier = entryTier;
    }

    public Priority Priority { get; }

    /// <summary>Required skills, distinct and in ordinal order.</summary>
    public IReadOnlyList<string> Skills => SkillArray;

    /// <summary>The tier asked for; null lets the desk's policy decide.</summary>
    public string? EntryTier { get; }

    internal string[] SkillArray { get; }

    internal string SkillKey { get; }

    /// <summary>The skill group the last desk that admitted this profile gave it (one object, so it is read whole).</summary>
    internal SkillGroupCache? Group { get; set; }

    /// <summary>Checks the fields as <see cref="TicketSpec.Validate"/> does, throwing a <see cref="SupportQueueException"/> naming the first bad one.</summary>
    public static TicketProfile Create(Priority priority, IEnumerable<string>? skills = null, string? entryTier = null)
    {
        if (!Enum.IsDefined(priority))
        {
            throw SupportQueueException.Invalid("priority", (int)priority, "must be P1, P2, P3 or P4");
        }

        var list = skills?.ToArray() ?? [];
        foreach (var skill in list)
        {
            RecordName.Require("skills", skill);
        }

        return new TicketProfile(priority, Normalise(list), entryTier);
    }

    /// <summary>The profile of a spec that already passed <see cref="TicketSpec.Validate"/>.</summary>
    internal static TicketProfile FromValidSpec(TicketSpec spec)
    {
        var required = spec.RequiredSkills;
        return new TicketProfile(spec.Priority, required.Length == 0 ? [] : Normalise([.. required]), spec.EntryTier);
    }

    private static string[] Normalise(string[] skills) =>
        skills.Length == 0 ? [] : skills.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
