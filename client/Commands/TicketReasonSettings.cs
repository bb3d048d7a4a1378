using System.ComponentModel;
using Spectre.Console.Cli;

namespace SupportQueue.Client.Commands;

public sealed class TicketReasonSettings : TicketSettingsBase
{
    [CommandOption("--reason <TEXT>")]
    [Description("Recorded in the ticket's history.")]
    public string? Reason { get; init; }
}
