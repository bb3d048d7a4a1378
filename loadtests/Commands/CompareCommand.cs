using Spectre.Console.Cli;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>compare</c>: the same arrivals under two or more policies, over seeds, with paired differences.</summary>
public sealed class CompareCommand(LoadConsoles consoles) : AsyncCommand<CompareCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LoadCommands.ExecuteAsync(settings.ToOptions(), consoles.Out, cancellationToken);
    }

    /// <summary>The options of <c>compare</c>.</summary>
    public sealed class Settings : ClusterLoadSettings
    {
        private static string SamplePolicy(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

        protected override string CommandName => "compare";

        protected override bool PolicyRulesAllowed => true;

        [CommandOption("--seeds <N>")]
        [System.ComponentModel.Description("Seeds per policy, 2..1000; every policy sees the same arrivals on a seed [[3]].")]
        public string? Seeds { get; init; }

        protected override LoadOptions Refine(LoadOptions options)
        {
            var o = base.Refine(options);
            o = o with { Seeds = Seeds is null ? o.Seeds : OptionValues.Int("--seeds", Seeds, 2, 1000) };
            if (o.PolicyFiles.Length == 1)
            {
                throw new UsageException($"--policy: compare needs two or more policy files, got one ('{o.PolicyFiles[0].Name}')");
            }

            // Without --policy: the two sample policies that ship with the tool (they fit the sample scenario's tiers).
            return o.PolicyFiles.IsEmpty
                ? o with { PolicyFiles = [OptionValues.PolicyFile("--policy", SamplePolicy("policy-a.json"), []), OptionValues.PolicyFile("--policy", SamplePolicy("policy-b.json"), [])] }
                : o;
        }
    }
}
