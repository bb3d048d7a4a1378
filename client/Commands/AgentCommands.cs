using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Commands;

public class AgentSettingsBase : ClusterCommandSettings
{
    [CommandArgument(0, "<agentId>")]
    [Description("The agent's id.")]
    public string AgentId { get; init; } = "";

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckId("agentId", AgentId));
}

public sealed class AgentAddSettings : AgentSettingsBase
{
    [CommandOption("--desk <DESK>")]
    [Description("The desk the agent works on (configure it first).")]
    public string? DeskId { get; init; }

    [CommandOption("--tier <TIER>")]
    [Description("The tier the agent belongs to, e.g. L1.")]
    public string? Tier { get; init; }

    [CommandOption("--skill <NAME:LEVEL>")]
    [Description("A skill with proficiency 1 (novice) to 5 (expert), e.g. billing:4. Repeat for several.")]
    public string[] Skills { get; init; } = [];

    [CommandOption("--capacity <N>")]
    [Description("How many tickets the agent works on at once.")]
    [DefaultValue("1")]
    public string Capacity { get; init; } = "1";

    protected override ValidationResult ValidateCommand()
    {
        var errors = new List<string?>
        {
            CliParsing.CheckId("agentId", AgentId),
            CliParsing.CheckRequired("--desk", DeskId) ?? CliParsing.CheckId("--desk", DeskId),
            CliParsing.CheckRequired("--tier", Tier),
            CliParsing.CheckInt("--capacity", Capacity, 1, 1000, out _),
        };
        errors.AddRange(Skills.Select(s => CliParsing.CheckAgentSkill("--skill", s, out _)));
        return FirstError([.. errors]);
    }

    public AgentSpec ToSpec()
    {
        var skills = Skills.Select(s =>
        {
            CliParsing.CheckAgentSkill("--skill", s, out var skill);
            return skill;
        });
        CliParsing.CheckInt("--capacity", Capacity, 1, 1000, out var capacity);
        return new AgentSpec(AgentId, DeskId!, Tier!, [.. skills], capacity);
    }
}

/// <summary>Registers an agent (or updates its tier, skills and capacity); it starts offline.</summary>
public sealed class AgentAddCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentAddSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentAddSettings settings, CancellationToken cancellationToken)
    {
        var spec = settings.ToSpec();
        var api = await ConnectAsync(settings, cancellationToken);
        var agent = await api.AddAgent(spec);
        Out.MarkupLine($"Agent [bold]{Render.Esc(agent.Id)}[/] on desk {Render.Esc(agent.DeskId)}, tier {Render.Esc(agent.Tier)}, capacity {agent.Capacity}, " +
            $"{Render.Presence(agent.Presence)}.");
        return ExitCodes.Ok;
    }
}

public sealed class AgentPresenceSettings : AgentSettingsBase
{
    [CommandArgument(1, "<presence>")]
    [Description("available (signed in, takes work), break (keeps held tickets, takes none) or offline (signed out).")]
    public string Presence { get; init; } = "";

    protected override ValidationResult ValidateCommand() =>
        FirstError(CliParsing.CheckId("agentId", AgentId), CliParsing.CheckPresence("presence", Presence, out _));

    public Presence ToPresence()
    {
        CliParsing.CheckPresence("presence", Presence, out var presence);
        return presence;
    }
}

/// <summary>Signs an agent in or out, or sends it on a break; shows what it holds afterwards.</summary>
public sealed class AgentPresenceCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentPresenceSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentPresenceSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var agent = await api.SetPresence(settings.AgentId, settings.ToPresence(), cancellationToken);
        Out.MarkupLine($"Agent [bold]{Render.Esc(agent.Id)}[/] is {Render.Presence(agent.Presence)}; holding {agent.Assignments.Count}/{agent.Capacity}" +
            (agent.Assignments.Count == 0 ? "." : $": {Render.Esc(string.Join(", ", agent.Assignments))}."));
        return ExitCodes.Ok;
    }
}

public class AgentTicketSettings : AgentSettingsBase
{
    [CommandArgument(1, "<ticketId>")]
    [Description("A ticket the agent holds.")]
    public string TicketId { get; init; } = "";

    protected override ValidationResult ValidateCommand() =>
        FirstError(CliParsing.CheckId("agentId", AgentId), CliParsing.CheckId("ticketId", TicketId));
}

public sealed class AgentResolveSettings : AgentTicketSettings;

/// <summary>The agent finished a ticket it holds.</summary>
public sealed class AgentResolveCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentResolveSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentResolveSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var view = await api.Resolve(settings.AgentId, settings.TicketId);
        Out.MarkupLine($"Ticket [bold]{Render.Esc(view.Ticket.Id)}[/] resolved by {Render.Esc(settings.AgentId)} at {Render.Esc(view.Ticket.Tier)}; " +
            $"SLA resolution {Render.Verdict(view.Sla.ResolutionMet, view.Ticket.ResolutionTarget)}.");
        return ExitCodes.Ok;
    }
}

public sealed class AgentEscalateSettings : AgentTicketSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the ticket moves up; recorded in its history.")]
    public string? Reason { get; init; }

    [CommandOption("--to <TIER>")]
    [Description("The tier to move to; default: the next tier up.")]
    public string? ToTier { get; init; }

    protected override ValidationResult ValidateCommand() =>
        FirstError(CliParsing.CheckId("agentId", AgentId), CliParsing.CheckId("ticketId", TicketId), CliParsing.CheckRequired("--reason", Reason));
}

/// <summary>The agent hands a ticket it holds to a higher tier.</summary>
public sealed class AgentEscalateCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentEscalateSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentEscalateSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var (placement, view) = await api.Escalate(settings.AgentId, settings.TicketId, settings.Reason!, settings.ToTier, cancellationToken);
        Out.MarkupLine($"Ticket [bold]{Render.Esc(placement.TicketId)}[/] escalated to {Render.Esc(placement.Tier)}" +
            (placement.Reason is null ? "" : $" ({Render.Esc(placement.Reason)})") + $"; now {Render.Whereabouts(view.Ticket)}.");
        return ExitCodes.Ok;
    }
}

public sealed class AgentShowSettings : AgentSettingsBase
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables.")]
    public bool Json { get; init; }
}

/// <summary>The agent's presence, capacity, held tickets and counters.</summary>
public sealed class AgentShowCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentShowSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentShowSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var agent = await api.GetAgent(settings.AgentId);
        if (settings.Json)
        {
            Render.Json(Out, agent);
        }
        else
        {
            Render.Agent(Out, agent);
        }

        return ExitCodes.Ok;
    }
}

public sealed class AgentListSettings : ClusterCommandSettings
{
    [CommandOption("--desk <DESK>")]
    [Description("The desk whose agents to list.")]
    public string? Desk { get; init; }

    [CommandOption("--json")]
    [Description("Write JSON instead of a table.")]
    public bool Json { get; init; }

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckRequired("--desk", Desk) ?? CliParsing.CheckId("--desk", Desk));
}

/// <summary>A desk's agents: tier, presence, load and capacity.</summary>
public sealed class AgentListCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentListSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentListSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var agents = await api.ListAgents(settings.Desk!);
        if (settings.Json)
        {
            Render.Json(Out, agents);
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Agent").AddColumn("Tier").AddColumn("Presence").AddColumn("Load");
        foreach (var agent in agents)
        {
            table.AddRow(Render.Esc(agent.AgentId), Render.Esc(agent.Tier), Render.Presence(agent.Presence), $"{agent.Load}/{agent.Capacity}");
        }

        Out.Write(table);
        Out.MarkupLine($"{agents.Count} agent(s) on desk {Render.Esc(settings.Desk)}.");
        return ExitCodes.Ok;
    }
}
