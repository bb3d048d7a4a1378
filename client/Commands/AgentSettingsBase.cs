using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public class AgentSettingsBase : ClusterCommandSettings
{
    [CommandArgument(0, "<agentId>")]
    [Description("The agent's id.")]
    public string AgentId { get; init; } = "";

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckId("agentId", AgentId));
}
