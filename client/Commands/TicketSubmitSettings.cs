using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Commands;

public sealed class TicketSubmitSettings : ClusterCommandSettings
{
    [CommandOption("--desk <DESK>")]
    [Description("The desk to queue the ticket on.")]
    public string? DeskId { get; init; }

    [CommandOption("--id <TICKET>")]
    [Description("The ticket's id; default: a new one, printed.")]
    public string? TicketId { get; init; }

    [CommandOption("--priority <P>")]
    [Description("P1 (most urgent) to P4.")]
    public string? Priority { get; init; }

    [CommandOption("--skill <NAME>")]
    [Description("A skill the ticket needs, e.g. billing. Repeat for several.")]
    public string[] Skills { get; init; } = [];

    [CommandOption("--entry-tier <TIER>")]
    [Description("Queue at this tier instead of letting the desk's escalation rules decide.")]
    public string? EntryTier { get; init; }

    [CommandOption("--subject <TEXT>")]
    [Description("A one-line summary shown with the ticket.")]
    public string? Subject { get; init; }

    protected override ValidationResult ValidateCommand()
    {
        var errors = new List<string?>
        {
            CliParsing.CheckRequired("--desk", DeskId) ?? CliParsing.CheckId("--desk", DeskId),
            TicketId is null ? null : CliParsing.CheckId("--id", TicketId),
            CliParsing.CheckRequired("--priority", Priority) ?? CliParsing.CheckPriority("--priority", Priority, out _),
            EntryTier is null ? null : CliParsing.CheckRequired("--entry-tier", EntryTier),
        };
        errors.AddRange(Skills.Select(s => CliParsing.CheckTicketSkill("--skill", s)));
        return FirstError([.. errors]);
    }

    /// <summary>The ticket to submit; a missing id becomes a new short one.</summary>
    public TicketSpec ToSpec()
    {
        CliParsing.CheckPriority("--priority", Priority, out var priority);
        var id = TicketId ?? NewTicketId();
        return new TicketSpec(id, DeskId!, priority, [.. Skills], EntryTier, Subject);
    }

    public static string NewTicketId() => $"T-{Guid.NewGuid():N}"[..10].ToUpperInvariant();
}
