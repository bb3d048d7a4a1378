namespace SupportQueue.Silo.Tests;

/// <summary>
/// A test that drives Debian's chromium. Without it the test is skipped, saying so — except in CI
/// (environment variable CI set), where <c>.ci/run</c> installs chromium and a missing browser
/// must fail the run rather than pass it silently.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "chromium is not installed (apt-get install -y chromium); .ci/run installs it, and under CI its absence fails this test";
        }
    }
}
