using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

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
