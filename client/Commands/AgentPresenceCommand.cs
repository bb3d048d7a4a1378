using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

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
