using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;
using SupportQueue.Client.Commands;
using SupportQueue.Client.Connection;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Cli;

/// <summary>Builds and runs the command tree. Tests run it with their own consoles and connector.</summary>
public static class SupportQueueCli
{
    public const string ApplicationName = "supportqueue";

    public static async Task<int> RunAsync(IEnumerable<string> args, CliConsoles consoles, ISupportQueueConnector connector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        ArgumentNullException.ThrowIfNull(connector);
        var services = new ServiceCollection();
        services.AddSingleton(consoles);
        services.AddSingleton(connector);

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config => Configure(config, consoles));
        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        finally
        {
            await connector.DisposeAsync();
        }
    }

    private static void Configure(IConfigurator config, CliConsoles consoles)
    {
        config.SetApplicationName(ApplicationName);
        config.ConfigureConsole(consoles.Out);
        config.SetHelpProvider(new FooterHelpProvider(config.Settings));
        config.CancellationExitCode(ExitCodes.Cancelled);
        config.SetExceptionHandler((ex, _) => HandleError(ex, consoles));
        config.UseStrictParsing();

        config.AddBranch("desk", desk =>
        {
            desk.SetDescription("Configure desks and watch their queues.");
            desk.AddCommand<DeskConfigureCommand>("configure")
                .WithDescription("Create a desk or replace its settings from a JSON file (checked here first; nothing is sent when it is invalid).")
                .WithExample("desk", "configure", "support", "client/scenarios/desk-default.json");
            desk.AddCommand<DeskStatusCommand>("status")
                .WithDescription("Per tier: queue, offers, oldest wait, agents by presence, assigned, free capacity; SLA counters per priority; totals.")
                .WithExample("desk", "status", "support")
                .WithExample("desk", "status", "support", "--watch", "--interval", "5");
            desk.AddCommand<DeskStatsCommand>("stats")
                .WithDescription("Cumulative statistics, today and the last hour: offered, answered, abandoned, service level, ASA, per tier and priority.")
                .WithExample("desk", "stats", "support")
                .WithExample("desk", "stats", "support", "--json");
            desk.AddCommand<DeskListCommand>("list")
                .WithDescription("Every configured desk.")
                .WithExample("desk", "list", "--json");
            desk.AddCommand<DeskExportCommand>("export")
                .WithDescription("The desk's recorded tickets created in [--from, --to) as a ticket-history trace (csv or jsonl), for simulate --arrivals and loadtests run --arrivals.")
                .WithExample("desk", "export", "support", "--from", "2026-11-23", "--to", "2026-11-24", "--out", "support-nov23.csv");
        });

        config.AddBranch("agent", agent =>
        {
            agent.SetDescription("Register agents, sign them in and out, and work tickets.");
            agent.AddCommand<AgentAddCommand>("add")
                .WithDescription("Register an agent on a desk's tier, or update its tier, skills and capacity. New agents start offline.")
                .WithExample("agent", "add", "alice", "--desk", "support", "--tier", "L1", "--skill", "billing:4", "--skill", "network:2", "--capacity", "2");
            agent.AddCommand<AgentPresenceCommand>("presence")
                .WithDescription("Sign an agent in (available), send it on a break, or sign it out (offline).")
                .WithExample("agent", "presence", "alice", "available");
            agent.AddCommand<AgentResolveCommand>("resolve")
                .WithDescription("The agent resolved a ticket it holds.")
                .WithExample("agent", "resolve", "alice", "T-1");
            agent.AddCommand<AgentEscalateCommand>("escalate")
                .WithDescription("The agent moves a ticket it holds to a higher tier.")
                .WithExample("agent", "escalate", "alice", "T-1", "--reason", "needs a refund approval", "--to", "L3");
            agent.AddCommand<AgentListCommand>("list")
                .WithDescription("A desk's agents: tier, presence, load and capacity.")
                .WithExample("agent", "list", "--desk", "support");
            agent.AddCommand<AgentShowCommand>("show")
                .WithDescription("Presence, capacity, held tickets and counters of an agent.")
                .WithExample("agent", "show", "alice");
        });

        config.AddBranch("ticket", ticket =>
        {
            ticket.SetDescription("Submit tickets and follow them.");
            ticket.AddCommand<TicketSubmitCommand>("submit")
                .WithDescription("Queue a new ticket; prints its id, where it was queued and who took it.")
                .WithExample("ticket", "submit", "--desk", "support", "--priority", "P2", "--skill", "billing", "--id", "T-1");
            ticket.AddCommand<TicketShowCommand>("show")
                .WithDescription("Status, tier, agent, SLA verdicts and the full history of a ticket.")
                .WithExample("ticket", "show", "T-1");
            ticket.AddCommand<TicketAbandonCommand>("abandon")
                .WithDescription("The customer withdraws a waiting ticket.")
                .WithExample("ticket", "abandon", "T-1", "--reason", "solved it myself");
            ticket.AddCommand<TicketReopenCommand>("reopen")
                .WithDescription("Queue a resolved ticket again.")
                .WithExample("ticket", "reopen", "T-1", "--reason", "still broken");
        });

        config.AddCommand<SimulateCommand>("simulate")
            .WithDescription("Simulate a support desk in virtual time from a scenario file: progress, a summary with 95% confidence intervals, a staffing plan, " +
                "and summary.json, intervals.csv, priorities.csv, totals.csv, staffing.csv and report.html in --out. " +
                "Runs on a private in-process silo unless a cluster is named (--cluster, --gateway, --connection-string or SupportQueue settings).")
            .WithExample("simulate", "client/scenarios/mmc-sanity.json")
            .WithExample("simulate", "client/scenarios/retail-holiday-peak.json", "--replications", "10", "--seed", "7", "--out", "out/retail");

        config.AddCommand<PlanCommand>("plan")
            .WithDescription("Plan a roster from a scenario with a scheduling section: the agents each tier needs per interval by simulation, the least-cost shifts " +
                "that cover them (OR-Tools CP-SAT), verified by simulation with fresh seeds; roster.csv, requirements.csv, scenario.planned.json and report.html in --out. " +
                "Runs on a private in-process silo unless a cluster is named.")
            .WithExample("plan", "client/scenarios/b2b-saas-weekday.json", "--out", "out/b2b-plan");

        config.AddBranch("scenario", scenario =>
        {
            scenario.SetDescription("Work with scenario files.");
            scenario.AddCommand<ScenarioFitCommand>("fit")
                .WithDescription("Draft a scenario from a ticket-history export (docs/ticket-history.md): intraday x weekday demand, class mix, handling per tier " +
                    "fitted with a goodness-of-fit figure, escalation probabilities and patience from abandons censored by answered tickets. Prints the fitted figures; " +
                    "writes --out (default scenario.fitted.json). Exit code 2 for a malformed history.")
                .WithExample("scenario", "fit", "client/scenarios/samples/history-week.csv", "--out", "fitted.json");
        });

        config.AddCommand<CompareCommand>("compare")
            .WithDescription("What-if in virtual time: run a scenario's tickets under two or more policies (desk settings files) on the same seeds, and report per tier " +
                "the paired difference against the first policy with its 95% confidence interval and a plain verdict; comparison.md, .csv, .html and summary.json in --out. " +
                "Runs the engine in this process; needs no cluster. Exit code 1 when a --threshold fails.")
            .WithExample("compare", "client/scenarios/retail-holiday-peak.json", "--policy", "client/scenarios/desk-default.json", "--policy", "my-policy.json", "--replications", "5");
    }

    /// <summary>Maps every failure to one red line (or a few) and an exit code; no stack traces for expected errors.</summary>
    internal static int HandleError(Exception ex, CliConsoles consoles)
    {
        switch (ex)
        {
            case SupportQueueException sq:
                consoles.WriteError(sq.Message);
                return ExitCodes.BadInput;
            case ClusterSettingsException settings:
                consoles.WriteErrors("invalid cluster settings (appsettings.json, SupportQueue__* variables or options)", settings.Errors);
                return ExitCodes.BadInput;
            case ClusterUnavailableException unavailable:
                consoles.WriteError(unavailable.Message);
                return ExitCodes.ClusterUnavailable;
            case CommandAppException app:
                // Parse errors come with a rendering that points at the offending token.
                if (app.Pretty is { } pretty && ex is CommandParseException)
                {
                    consoles.Error.Write(pretty);
                }
                else
                {
                    consoles.WriteError(app.Message);
                }

                return ExitCodes.BadInput;
            case OperationCanceledException:
                consoles.WriteError("cancelled");
                return ExitCodes.Cancelled;
            default:
                consoles.WriteError($"unexpected {ex.GetType().Name}: {ex.Message}");
                return ExitCodes.Failed;
        }
    }

    /// <summary>Adds how the CLI finds its cluster and what its exit codes mean to every help page.</summary>
    private sealed class FooterHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
    {
        public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
        [
            .. base.GetFooter(model, command),
            Heading("CLUSTER:"),
            Indented(
                "By default every desk, agent and ticket command connects to a running cluster: localhost clustering on gateway port 30000, " +
                "or what appsettings.json and SupportQueue__* environment variables say (Storage, GatewayPort, ClusterId, " +
                "ServiceId, ConnectionString), overridden by --cluster, --gateway and --connection-string. " +
                "If nothing answers within --connect-timeout (5 s) the command fails with exit code 3; it never starts a silo behind your back. " +
                "Start a cluster with: dotnet run --project silo"),
            Indented(
                "--embedded starts a private in-process silo for that one command instead (memory storage, free ports, own cluster id): " +
                "handy for a quick try, but its desks, agents and tickets vanish when the command exits. " +
                "simulate does this by default unless a cluster is named on the command line or in configuration: a simulation keeps no state on the cluster."),
            Heading("EXIT CODES:"),
            Indented("0 done, 1 unexpected failure, 2 bad input or refused by the desk, 3 no cluster reachable, 130 cancelled"),
        ];

        private static Rows Heading(string text) => new(Text.Empty, new Markup($"[yellow]{Markup.Escape(text)}[/]"));

        private static Padder Indented(string text) => new(new Markup(Markup.Escape(text)), new Padding(4, 0, 0, 0));
    }
}
