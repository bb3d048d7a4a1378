using System.ComponentModel;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public sealed class DeskListSettings : ClusterCommandSettings
{
    [CommandOption("--json")]
    [Description("Write JSON instead of a table.")]
    public bool Json { get; init; }
}
