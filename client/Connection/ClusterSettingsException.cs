namespace SupportQueue.Client.Connection;

/// <summary>The cluster settings (configuration plus command-line options) are unusable.</summary>
public sealed class ClusterSettingsException(IReadOnlyList<string> errors)
    : Exception("Invalid cluster settings: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
