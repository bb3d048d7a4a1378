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

/// <summary>The database is not usable; <see cref="Exception.Message"/> says what to do about it.</summary>
public sealed class DatabaseNotReadyException : Exception
{
    public DatabaseNotReadyException(DatabaseProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public DatabaseNotReadyException()
        : this(DatabaseProblem.Other, "The database is not ready.")
    {
    }

    public DatabaseNotReadyException(string message)
        : this(DatabaseProblem.Other, message)
    {
    }

    public DatabaseNotReadyException(string message, Exception innerException)
        : this(DatabaseProblem.Other, message, innerException)
    {
    }

    public DatabaseProblem Problem { get; }
}
