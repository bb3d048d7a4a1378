using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Json;

namespace SupportQueue.Client.Commands;

public sealed class DeskExportSettings : DeskSettingsBase
{
    [CommandOption("--from <TIME>")]
    [Description("Start of the window (tickets created at or after it): a UTC time such as 2026-11-23T08:00:00Z, or a date (midnight UTC).")]
    public string? From { get; init; }

    [CommandOption("--to <TIME>")]
    [Description("End of the window (created before it); at most 31 days after --from.")]
    public string? To { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("csv (default) or jsonl; see docs/ticket-history.md.")]
    public string? Format { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the trace to FILE instead of standard output.")]
    public string? Out { get; init; }

    protected override ValidationResult ValidateCommand()
    {
        if (CliParsing.CheckId("deskId", DeskId) is { } badId)
        {
            return Fail(badId);
        }

        try
        {
            _ = ExportRange.Parse(From, To, "--from", "--to");
            _ = TicketHistoryExportWriter.ParseFormat(Format, "--format");
        }
        catch (SupportQueueException ex)
        {
            return Fail(ex.Message);
        }

        return Out is { } path && CliParsing.CheckOutputFile("--out", path) is { } output ? Fail(output) : ValidationResult.Success();
    }
}
