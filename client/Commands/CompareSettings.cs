using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Commands;

public sealed class CompareSettings : CommandSettings
{
    [CommandArgument(0, "<scenario.json>")]
    [Description("Scenario file (the format simulate reads): its arrivals, roster and handling are kept, its desk settings are replaced by each policy.")]
    public string ScenarioFile { get; init; } = "";

    [CommandOption("--policy <FILE>")]
    [Description("Desk settings file (the format of client/scenarios/desk-default.json); give two or more. The first is the baseline.")]
    public string[] Policies { get; init; } = [];

    [CommandOption("--roster <FILE>")]
    [Description("Roster JSON (the scenario's \"roster\" section: groups, shrinkage) used instead of the scenario's.")]
    public string? Roster { get; init; }

    [CommandOption("--replications <N>")]
    [Description("Seeds (replications) per policy, at least 3; every policy runs on the same ones (default: the file's, at least 3).")]
    public string? Replications { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Random seed, a whole number (overrides the file).")]
    public string? Seed { get; init; }

    [CommandOption("--threshold <RULE>")]
    [Description("Fails the command (exit 1) when a policy's mean misses it, e.g. \"L1 service_level >= 0.8\" (ratios 0..1, times in minutes). Repeatable.")]
    public string[] Thresholds { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("Where to write comparison.md, comparison.csv, comparison.html and summary.json (default: out/compare-<scenario-name>).")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (CliParsing.CheckRequired("scenario.json", ScenarioFile) is { } missing)
        {
            return ValidationResult.Error(missing);
        }

        if (Policies.Length < 2)
        {
            return ValidationResult.Error(CliParsing.Error("--policy", Policies.Length == 0 ? null : Policies[0], "give at least two policy files to compare"));
        }

        if (Replications is not null && CliParsing.CheckInt("--replications", Replications, 3, 10_000, out _) is { } replications)
        {
            return ValidationResult.Error(replications);
        }

        if (Seed is not null && !ulong.TryParse(Seed, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return ValidationResult.Error(CliParsing.Error("--seed", Seed, "must be a whole number from 0 to 18446744073709551615"));
        }

        foreach (var threshold in Thresholds)
        {
            try
            {
                PolicyThreshold.Parse(threshold);
            }
            catch (SupportQueueException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
        }

        return Out is not null && CliParsing.CheckOutputDirectory("--out", Out) is { } output ? ValidationResult.Error(output) : ValidationResult.Success();
    }
}
