using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

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
