using SupportQueue.Silo.Dashboard;
using SupportQueue.Silo.Security;

namespace SupportQueue.Silo;

/// <summary>Start-up checks of the settings sections the web pipeline binds (keys, dashboard).</summary>
public static class SettingsErrors
{
    /// <summary>One line per section holding a value that does not bind, naming the key and the value.</summary>
    public static IReadOnlyList<string> Unbound(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        Check<SecurityOptions>(configuration, SecurityOptions.SectionName, errors);
        Check<LiveDashboardOptions>(configuration, LiveDashboardOptions.SectionName, errors);
        return errors;
    }

    /// <summary>The binder's message (it names the key and the value) and its cause.</summary>
    public static string Describe(InvalidOperationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Message + (exception.InnerException is { } inner ? " " + inner.Message : "");
    }

    private static void Check<T>(IConfiguration configuration, string section, List<string> errors)
    {
        try
        {
            configuration.GetSection(section).Get<T>();
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(Describe(ex));
        }
    }
}
