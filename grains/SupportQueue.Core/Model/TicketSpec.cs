using System.Collections.Immutable;

namespace SupportQueue.Core.Model;

/// <summary>What a caller submits. <c>EntryTier</c> null means "let the desk's policy decide".</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TicketSpec")]
public sealed record TicketSpec(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string DeskId,
    [property: Id(2)] Priority Priority,
    [property: Id(3)] ImmutableArray<string> Skills,
    [property: Id(4)] string? EntryTier = null,
    [property: Id(5)] string? Subject = null)
{
    /// <summary>Throws a <see cref="SupportQueueException"/> naming the first bad field.</summary>
    public void Validate()
    {
        StoredId.Require("ticketId", TicketId);
        StoredId.Require("deskId", DeskId);

        if (!Enum.IsDefined(Priority))
        {
            throw SupportQueueException.Invalid("priority", (int)Priority, "must be P1, P2, P3 or P4");
        }

        if (!Skills.IsDefault)
        {
            foreach (var skill in Skills)
            {
                RecordName.Require("skills", skill);
            }
        }
    }

    /// <summary>Required skills, never default.</summary>
    public ImmutableArray<string> RequiredSkills => Skills.IsDefault ? [] : Skills;
}
