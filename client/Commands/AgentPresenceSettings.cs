using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Commands;

public sealed class AgentPresenceSettings : AgentSettingsBase
{
    [CommandArgument(1, "<presence>")]
    [Description("available (signed in, takes work), break (keeps held tickets, takes none) or offline (signed out).")]
    public string Presence { get; init; } = "";

    protected override ValidationResult ValidateCommand() =>
        FirstError(CliParsing.CheckId("agentId", AgentId), CliParsing.CheckPresence("presence", Presence, out _));

    public Presence ToPresence()
    {
        CliParsing.CheckPresence("presence", Presence, out var presence);
        return presence;
    }
}
