using SupportQueue.Core.Model;

namespace SupportQueue.Json;

/// <summary>
/// Desk settings files (<c>desk configure</c>), the <c>desk</c> of a scenario and the REST body
/// of a desk's settings are one shape, read by this one reader and checked by the engine's
/// <see cref="DeskSettings.Validate"/>.
/// </summary>
public static class DeskSettingsJson
{
    /// <summary>Reads and validates settings JSON; never throws for bad input.</summary>
    public static JsonReadResult<DeskSettings> Read(string json)
    {
        var read = SupportQueueJson.Read<DeskSettings>(json);
        return read.Value is { } settings ? Validated(settings) : read;
    }

    /// <summary>Validates settings that were read some other way (e.g. by ASP.NET Core with <see cref="SupportQueueJson.Options"/>).</summary>
    public static JsonReadResult<DeskSettings> Validated(DeskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        return errors.Count == 0 ? JsonReadResult<DeskSettings>.Success(settings) : JsonReadResult<DeskSettings>.Invalid(errors);
    }

    /// <summary>Reads and validates a settings file; a missing or unreadable file is an error, not an exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">The option or argument that named it, for the messages.</param>
    public static JsonReadResult<DeskSettings> LoadFile(string path, string what = "settings file")
    {
        var (text, error) = TextFile.Read(path, what);
        return error is null ? Read(text!) : new(null, [error]);
    }

    public static string Write(DeskSettings settings) => SupportQueueJson.Write(settings);
}
