using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Commands;

public sealed class AgentAddSettings : AgentSettingsBase
{
    [CommandOption("--desk <DESK>")]
    [Description("The desk the agent works on (configure it first).")]
    public string? DeskId { get; init; }

    [CommandOption("--tier <TIER>")]
    [Description("The tier the agent belongs to, e.g. L1.")]
    public string? Tier { get; init; }

    [CommandOption("--skill <NAME:LEVEL>")]
    [Description("A skill with proficiency 1 (novice) to 5 (expert), e.g. billing:4. Repeat for several.")]
    public string[] Skills { get; init; } = [];

    [CommandOption("--capacity <N>")]
    [Description("How many tickets the agent works on at once.")]
    [DefaultValue("1")]
    public string Capacity { get; init; } = "1";

    protected override ValidationResult ValidateCommand()
    {
        var errors = new List<string?>
        {
            CliParsing.CheckId("agentId", AgentId),
            CliParsing.CheckRequired("--desk", DeskId) ?? CliParsing.CheckId("--desk", DeskId),
            CliParsing.CheckRequired("--tier", Tier),
            CliParsing.CheckInt("--capacity", Capacity, 1, 1000, out _),
        };
        errors.AddRange(Skills.Select(s => CliParsing.CheckAgentSkill("--skill", s, out _)));
        return FirstError([.. errors]);
    }

    public AgentSpec ToSpec()
    {
        var skills = Skills.Select(s =>
        {
            CliParsing.CheckAgentSkill("--skill", s, out var skill);
            return skill;
        });
        CliParsing.CheckInt("--capacity", Capacity, 1, 1000, out var capacity);
        return new AgentSpec(AgentId, DeskId!, Tier!, [.. skills], capacity);
    }
}
