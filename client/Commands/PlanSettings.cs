using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public sealed class PlanSettings : ClusterCommandSettings
{
    [CommandArgument(0, "<scenario.json>")]
    [Description("Scenario file with a scheduling section: the shift templates per tier (see docs/planning.md and client/scenarios/).")]
    public string ScenarioFile { get; init; } = "";

    [CommandOption("--seed <SEED>")]
    [Description("Random seed of the requirement search, a whole number (overrides the file); the verification uses fresh seeds from it unless the file names one.")]
    public string? Seed { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Where to write roster.csv, requirements.csv, scenario.planned.json and report.html (default: out/<scenario-name>-plan-<timestamp> under the current directory).")]
    public string? Out { get; init; }

    public override bool EmbeddedWhenNoCluster => true;

    protected override ValidationResult ValidateCommand()
    {
        var seed = Seed is not null && !ulong.TryParse(Seed, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? CliParsing.Error("--seed", Seed, "must be a whole number from 0 to 18446744073709551615")
            : null;
        var output = Out is null ? null : CliParsing.CheckOutputDirectory("--out", Out);
        return FirstError(CliParsing.CheckRequired("scenario.json", ScenarioFile), seed, output);
    }
}
