using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public class DeskSettingsBase : ClusterCommandSettings
{
    [CommandArgument(0, "<deskId>")]
    [Description("The desk's id.")]
    public string DeskId { get; init; } = "";

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckId("deskId", DeskId));
}
