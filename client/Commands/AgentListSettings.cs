using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public sealed class AgentListSettings : ClusterCommandSettings
{
    [CommandOption("--desk <DESK>")]
    [Description("The desk whose agents to list.")]
    public string? Desk { get; init; }

    [CommandOption("--json")]
    [Description("Write JSON instead of a table.")]
    public bool Json { get; init; }

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckRequired("--desk", Desk) ?? CliParsing.CheckId("--desk", Desk));
}
