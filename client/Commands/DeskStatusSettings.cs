using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public sealed class DeskStatusSettings : DeskSettingsBase
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables (with --watch, one line per refresh).")]
    public bool Json { get; init; }

    [CommandOption("--watch")]
    [Description("Refresh until Ctrl+C.")]
    public bool Watch { get; init; }

    [CommandOption("--interval <SECONDS>")]
    [Description("Seconds between refreshes with --watch.")]
    [DefaultValue("2")]
    public string IntervalSeconds { get; init; } = "2";

    [CommandOption("--count <N>")]
    [Description("With --watch: stop after N refreshes (default: until Ctrl+C).")]
    public string? Count { get; init; }

    protected override ValidationResult ValidateCommand() => FirstError(
        CliParsing.CheckId("deskId", DeskId),
        CliParsing.CheckSeconds("--interval", IntervalSeconds, 3600, out _),
        Count is null ? null : CliParsing.CheckInt("--count", Count, 1, int.MaxValue, out _));
}
