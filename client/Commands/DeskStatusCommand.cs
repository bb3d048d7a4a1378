using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>Live counters of a desk: queues and pools per tier, SLA per priority, totals; --watch refreshes them.</summary>
public sealed class DeskStatusCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskStatusSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskStatusSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        CliParsing.CheckSeconds("--interval", settings.IntervalSeconds, 3600, out var interval);
        var left = settings.Count is null ? int.MaxValue : int.Parse(settings.Count, System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            var status = await api.GetDeskStatus(settings.DeskId);
            if (settings.Json)
            {
                Render.Json(Out, status, indented: !settings.Watch);
            }
            else
            {
                if (settings.Watch && Out.Profile.Capabilities.Interactive)
                {
                    Out.Clear(home: true);
                }

                Render.Desk(Out, status);
            }

            if (!settings.Watch || --left == 0)
            {
                return ExitCodes.Ok;
            }

            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C ends a watch; it is how a watch is meant to stop.
                return ExitCodes.Ok;
            }
        }
    }
}
