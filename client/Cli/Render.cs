using System.Globalization;
using Spectre.Console;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Client.Cli;

/// <summary>How the CLI shows tickets, agents and desks.</summary>
internal static class Render
{
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Duration(TimeSpan span) => span.TotalDays >= 1
        ? span.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? span) => span is { } s ? Duration(s) : "-";

    /// <summary>Text from the cluster, for markup: control characters shown escaped, markup brackets escaped.</summary>
    public static string Esc(string? text) => string.IsNullOrEmpty(text) ? "-" : Markup.Escape(ControlChars.Escape(text));

    /// <summary>Writes <paramref name="value"/> as JSON in the one dialect (control characters are \u-escaped by JSON itself), unwrapped.</summary>
    public static void Json<T>(IAnsiConsole console, T value, bool indented = true) =>
        console.Profile.Out.Writer.WriteLine(SupportQueue.Json.SupportQueueJson.Write(value, indented));

    public static string Verdict(bool? met, TimeSpan? target) => target is null
        ? "[grey]no target[/]"
        : met switch
        {
            true => $"[green]met[/] (target {Duration(target)})",
            false => $"[red]breached[/] (target {Duration(target)})",
            null => $"[yellow]pending[/] (target {Duration(target)})",
        };

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Resolved => "[green]Resolved[/]",
        TicketStatus.Abandoned => "[grey]Abandoned[/]",
        TicketStatus.Assigned => "[blue]Assigned[/]",
        _ => $"[yellow]{status}[/]",
    };

    public static string Presence(Presence presence) => presence switch
    {
        Core.Model.Presence.Available => "[green]available[/]",
        Core.Model.Presence.Break => "[yellow]on a break[/]",
        _ => "[grey]offline[/]",
    };

    /// <summary>One line saying where a ticket stands: "queued at L2" or "assigned to bob (L2)".</summary>
    public static string Whereabouts(Ticket ticket) => ticket.Status switch
    {
        TicketStatus.Assigned => $"assigned to [bold]{Esc(ticket.AgentId)}[/] at {Esc(ticket.Tier)}",
        TicketStatus.Queued => $"waiting in the {Esc(ticket.Tier)} queue",
        TicketStatus.Resolved => $"resolved at {Esc(ticket.Tier)}",
        TicketStatus.Abandoned => "abandoned",
        _ => ticket.Status.ToString(),
    };

    public static void Ticket(IAnsiConsole console, Ticket ticket, SlaOutcome sla)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow($"[bold]{name}[/]", value);
        Row("Ticket", Esc(ticket.Id));
        Row("Desk", Esc(ticket.DeskId));
        Row("Priority", ticket.Priority.ToString());
        Row("Status", Status(ticket.Status));
        Row("Tier", Esc(ticket.Tier));
        Row("Agent", Esc(ticket.AgentId));
        Row("Skills", ticket.Skills.Count == 0 ? "-" : Esc(string.Join(", ", ticket.Skills)));
        Row("Subject", Esc(ticket.Subject));
        Row("Created", Time(ticket.CreatedAt));
        Row("First assigned", Time(ticket.FirstAssignedAt));
        Row("Resolved", Time(ticket.ResolvedAt));
        Row("Reopens", ticket.Reopens.ToString(CultureInfo.InvariantCulture));
        Row("SLA first response", Verdict(sla.FirstResponseMet, ticket.FirstResponseTarget));
        Row("SLA resolution", Verdict(sla.ResolutionMet, ticket.ResolutionTarget));
        console.Write(grid);
        console.WriteLine();

        var history = new Table().Title("History").Border(TableBorder.Rounded)
            .AddColumn("#").AddColumn("At (UTC)").AddColumn("Event").AddColumn("Tier").AddColumn("Agent").AddColumn("Reason");
        for (var i = 0; i < ticket.History.Count; i++)
        {
            var e = ticket.History[i];
            history.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Time(e.At), e.Kind.ToString(), Esc(e.Tier), Esc(e.AgentId), Esc(e.Reason));
        }

        console.Write(history);
    }

    public static void Agent(IAnsiConsole console, Agent agent)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow($"[bold]{name}[/]", value);
        Row("Agent", Esc(agent.Id));
        Row("Desk", Esc(agent.DeskId));
        Row("Tier", Esc(agent.Tier));
        Row("Presence", $"{Presence(agent.Presence)} since {Time(agent.PresenceSince)}");
        Row("Skills", agent.Skills.Count == 0 ? "-" : Esc(string.Join(", ", agent.Skills.Select(s => $"{s.Skill}:{s.Proficiency}"))));
        Row("Holding", $"{agent.Assignments.Count}/{agent.Capacity}" + (agent.Assignments.Count == 0 ? "" : $": {Esc(string.Join(", ", agent.Assignments))}"));
        Row("Resolved", agent.Resolved.ToString(CultureInfo.InvariantCulture));
        Row("Escalated", agent.Escalated.ToString(CultureInfo.InvariantCulture));
        console.Write(grid);
    }

    public static void Desk(IAnsiConsole console, DeskStatus status)
    {
        console.MarkupLine($"[bold]Desk {Esc(status.DeskId)}[/] at {Time(status.At)}");
        var tiers = new Table().Title("Tiers").Border(TableBorder.Rounded)
            .AddColumn("Tier").AddColumn("Queued", Right).AddColumn("Offered", Right).AddColumn("Oldest wait", Right)
            .AddColumn("Available", Right).AddColumn("Break", Right).AddColumn("Offline", Right)
            .AddColumn("Assigned", Right).AddColumn("Free capacity", Right);
        foreach (var t in status.Tiers)
        {
            tiers.AddRow(Esc(t.Tier), N(t.Queued), N(t.Offered), t.Queued == 0 ? "-" : Duration(t.OldestWait), N(t.Available), N(t.OnBreak), N(t.Offline), N(t.Assigned), N(t.FreeCapacity));
        }

        tiers.AddRow(
            "[bold]total[/]",
            N(status.Tiers.Sum(t => t.Queued)),
            N(status.Tiers.Sum(t => t.Offered)),
            status.Tiers.Any(t => t.Queued > 0) ? Duration(status.Tiers.Where(t => t.Queued > 0).Max(t => t.OldestWait)) : "-",
            N(status.Tiers.Sum(t => t.Available)),
            N(status.Tiers.Sum(t => t.OnBreak)),
            N(status.Tiers.Sum(t => t.Offline)),
            N(status.Tiers.Sum(t => t.Assigned)),
            N(status.Tiers.Sum(t => t.FreeCapacity)));
        console.Write(tiers);

        var sla = new Table().Title("SLA").Border(TableBorder.Rounded)
            .AddColumn("Priority").AddColumn("First response met", Right).AddColumn("First response breached", Right)
            .AddColumn("Resolution met", Right).AddColumn("Resolution breached", Right).AddColumn("Open past first response", Right);
        foreach (var s in status.Sla)
        {
            sla.AddRow(s.Priority.ToString(), N(s.FirstResponseMet), Bad(s.FirstResponseBreached), N(s.ResolutionMet), Bad(s.ResolutionBreached), Bad(s.OpenPastFirstResponse));
        }

        console.Write(sla);
        console.MarkupLine(
            $"[bold]Totals[/]: submitted {N(status.Submitted)}, resolved {N(status.Resolved)}, abandoned {N(status.Abandoned)}, " +
            $"escalations {N(status.Escalations)}, open {N(status.Open)}");
    }

    private static void Right(TableColumn column) => column.RightAligned();

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bad(long value) => value == 0 ? "0" : $"[red]{N(value)}[/]";
}
