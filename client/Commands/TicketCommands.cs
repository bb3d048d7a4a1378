using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
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

/// <summary>Submits a ticket and reports where the desk queued it and who, if anyone, took it.</summary>
public sealed class TicketSubmitCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketSubmitSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketSubmitSettings settings, CancellationToken cancellationToken)
    {
        var spec = settings.ToSpec();
        var api = await ConnectAsync(settings, cancellationToken);
        var result = await api.SubmitTicket(spec, cancellationToken);
        WriteQueued(Out, result, "submitted to");
        return ExitCodes.Ok;
    }

    internal static void WriteQueued(IAnsiConsole console, SubmitResult result, string verb)
    {
        var ticket = result.Ticket;
        var queued = ticket.History.LastOrDefault(e => e.Kind == TicketEventKind.Queued);
        var where = queued is null ? "" : $", queued at {Render.Esc(queued.Tier)}" + (queued.Reason is null ? "" : $" ({Render.Esc(queued.Reason)})");
        console.MarkupLine($"Ticket [bold]{Render.Esc(ticket.Id)}[/] {verb} desk {Render.Esc(ticket.DeskId)} ({ticket.Priority}){where}; now {Render.Whereabouts(ticket)}.");
        if (!result.Settled)
        {
            console.MarkupLine("[yellow]The desk was still busy delivering offers; `ticket show` will tell who takes it.[/]");
        }
    }
}

public class TicketSettingsBase : ClusterCommandSettings
{
    [CommandArgument(0, "<ticketId>")]
    [Description("The ticket's id.")]
    public string TicketId { get; init; } = "";

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckId("ticketId", TicketId));
}

public sealed class TicketShowSettings : TicketSettingsBase
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables.")]
    public bool Json { get; init; }
}

/// <summary>Status, tier, agent, SLA verdicts and the full history of a ticket.</summary>
public sealed class TicketShowCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketShowSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketShowSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var view = await api.GetTicket(settings.TicketId);
        if (settings.Json)
        {
            Render.Json(Out, view);
            return ExitCodes.Ok;
        }

        Render.Ticket(Out, view.Ticket, view.Sla);
        return ExitCodes.Ok;
    }
}

public sealed class TicketReasonSettings : TicketSettingsBase
{
    [CommandOption("--reason <TEXT>")]
    [Description("Recorded in the ticket's history.")]
    public string? Reason { get; init; }
}

/// <summary>The customer withdraws a waiting ticket.</summary>
public sealed class TicketAbandonCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketReasonSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketReasonSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var view = await api.Abandon(settings.TicketId, settings.Reason ?? "");
        Out.MarkupLine($"Ticket [bold]{Render.Esc(view.Ticket.Id)}[/] abandoned (was waiting at {Render.Esc(view.Ticket.Tier)}).");
        return ExitCodes.Ok;
    }
}

/// <summary>A resolved ticket comes back and is queued again.</summary>
public sealed class TicketReopenCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketReasonSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketReasonSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var result = await api.Reopen(settings.TicketId, settings.Reason ?? "", cancellationToken);
        TicketSubmitCommand.WriteQueued(Out, result, "reopened on");
        return ExitCodes.Ok;
    }
}
