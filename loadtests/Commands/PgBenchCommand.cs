using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Postgres;

namespace SupportQueue.LoadTests.Commands;

/// <summary><c>pg-bench</c>: live routing on PostgreSQL (a throwaway server unless a connection string is given).</summary>
public sealed class PgBenchCommand : AsyncCommand<PgBenchCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return PostgresBenchmark.RunAsync(settings.RateList(), settings.Seconds, settings.ConnectionString);
    }

    /// <summary>The arguments of <c>pg-bench</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[rates]")]
        [Description("Arrival rates to step, comma-separated [[250,500,1000]].")]
        public string? Rates { get; init; }

        [CommandArgument(1, "[seconds]")]
        [Description("Seconds per rate, 1..600 [[20]].")]
        [DefaultValue(20)]
        public int Seconds { get; init; }

        [CommandArgument(2, "[connection-string]")]
        [Description("PostgreSQL to use [[a throwaway PostgreSQL 15 started and removed here]].")]
        public string? ConnectionString { get; init; }

        public IReadOnlyList<int> RateList() =>
            Rates is null ? [250, 500, 1000] : [.. Rates.Split(',').Select(r => OptionValues.Int("rates", r, 1, 1_000_000))];

        public override ValidationResult Validate()
        {
            try
            {
                _ = RateList();
            }
            catch (UsageException ex)
            {
                return ValidationResult.Error(ex.Message);
            }

            return Seconds is < 1 or > 600 ? ValidationResult.Error($"seconds: invalid value '{Seconds}' — expected an integer 1..600") : ValidationResult.Success();
        }
    }
}
