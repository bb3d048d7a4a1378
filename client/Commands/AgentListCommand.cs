using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

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
