using System.ComponentModel;
using Spectre.Console.Cli;

namespace SupportQueue.Client.Commands;

public sealed class TicketShowSettings : TicketSettingsBase
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables.")]
    public bool Json { get; init; }
}
