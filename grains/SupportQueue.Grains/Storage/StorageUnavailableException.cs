namespace SupportQueue.Grains;

/// <summary>
/// Storage (the database behind grain state or reminders) failed or could not be reached; the
/// request was not carried out and may be retried. Ours and serializable, so it crosses silos
/// and reaches clients: a provider's own exception (PostgresException) has no codec and would
/// arrive as a CodecNotFoundException instead. Keeps the original error's type and message as text.
/// </summary>
[GenerateSerializer, Alias("SupportQueue.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Wraps <paramref name="cause"/> (kept as text only: its type need not be serializable).</summary>
    public static StorageUnavailableException From(string what, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return cause as StorageUnavailableException
            ?? new StorageUnavailableException($"storage unavailable: {what} failed ({cause.GetType().Name}: {cause.Message}); retry later");
    }
}
