namespace SupportQueue.Silo.Tests;

/// <summary>
/// A test that drives Debian's chromium. Without it the test is skipped, saying so — except in CI
/// (environment variable <c>SUPPORTQUEUE_CI</c>, which <c>.ci/run</c> sets, or <c>CI</c>), where
/// chromium is installed and a missing browser must fail the run rather than pass it silently.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !InCi)
        {
            Skip = "chromium is not installed (apt-get install -y chromium); .ci/run installs it, and under CI its absence fails this test";
        }
    }

    private static bool InCi =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SUPPORTQUEUE_CI")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
