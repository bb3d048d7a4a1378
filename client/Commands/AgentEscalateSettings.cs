using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

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
