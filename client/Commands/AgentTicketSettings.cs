using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public class AgentTicketSettings : AgentSettingsBase
{
    [CommandArgument(1, "<ticketId>")]
    [Description("A ticket the agent holds.")]
    public string TicketId { get; init; } = "";

    protected override ValidationResult ValidateCommand() =>
        FirstError(CliParsing.CheckId("agentId", AgentId), CliParsing.CheckId("ticketId", TicketId));
}
