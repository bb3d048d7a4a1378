using SupportQueue.Silo.Dashboard;
using SupportQueue.Silo.Security;

namespace SupportQueue.Silo;

/// <summary>
/// Start-up checks of the settings the web pipeline reads (HTTP address, keys, dashboard), which bind
/// only while the app is built: a bad value there is listed with the others instead of surfacing as an
/// unhandled exception or a limiter that refuses every request.
/// </summary>
public static class SettingsErrors
{
    /// <summary>One line per bad value, naming the key and the value.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        if (configuration["SupportQueue:HttpUrl"] is { } httpUrl)
        {
            errors.AddRange(HttpUrlErrors(httpUrl));
        }

        if (Bind<SecurityOptions>(configuration, SecurityOptions.SectionName, errors) is { } security)
        {
            errors.AddRange(security.Validate());
        }

        Bind<LiveDashboardOptions>(configuration, LiveDashboardOptions.SectionName, errors);
        return errors;
    }

    /// <summary>The binder's message (it names the key and the value) and its cause.</summary>
    public static string Describe(InvalidOperationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Message + (exception.InnerException is { } inner ? " " + inner.Message : "");
    }

    // Kestrel takes one address or several separated by ';'.
    private static IEnumerable<string> HttpUrlErrors(string value)
    {
        foreach (var url in value.Split(';', StringSplitOptions.TrimEntries))
        {
            string? problem;
            try
            {
                var address = BindingAddress.Parse(url);
                problem = address.Scheme is "http" or "https" ? null : "the scheme must be http or https";
            }
            catch (FormatException)
            {
                problem = "not an address to listen on";
            }

            if (problem is not null)
            {
                yield return $"SupportQueue:HttpUrl: {url} — {problem} (e.g. http://0.0.0.0:5080)";
            }
        }
    }

    private static T? Bind<T>(IConfiguration configuration, string section, List<string> errors)
        where T : class
    {
        try
        {
            return configuration.GetSection(section).Get<T>();
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(Describe(ex));
            return null;
        }
    }
}
