namespace SupportQueue.Hosting;

/// <summary>Where grain state, cluster membership and reminders live.</summary>
public enum StorageKind
{
    /// <summary>One machine: localhost clustering, in-memory storage and reminders.</summary>
    Memory,

    /// <summary>PostgreSQL through Orleans' ADO.NET providers for storage, clustering and reminders.</summary>
    PostgreSQL,
}
