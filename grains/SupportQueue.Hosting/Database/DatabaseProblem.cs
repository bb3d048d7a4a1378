namespace SupportQueue.Hosting.Database;

/// <summary>Why the PostgreSQL database cannot be used yet.</summary>
public enum DatabaseProblem
{
    /// <summary>No answer: wrong host or port, server down, firewall, or too slow.</summary>
    Unreachable,

    /// <summary>The server rejected the user name or password.</summary>
    AuthenticationFailed,

    /// <summary>The server is up but the database named in the connection string does not exist.</summary>
    DatabaseMissing,

    /// <summary>The database exists but no SupportQueue migration was ever applied.</summary>
    SchemaMissing,

    /// <summary>Some migrations of this build are not applied yet.</summary>
    SchemaOutdated,

    /// <summary>An applied migration differs from the file of the same version in this build.</summary>
    ChecksumMismatch,

    /// <summary>Anything else the server or driver reported.</summary>
    Other,
}
