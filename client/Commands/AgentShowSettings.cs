using System.ComponentModel;
using Spectre.Console.Cli;

namespace SupportQueue.Client.Commands;

public sealed class AgentShowSettings : AgentSettingsBase
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables.")]
    public bool Json { get; init; }
}
