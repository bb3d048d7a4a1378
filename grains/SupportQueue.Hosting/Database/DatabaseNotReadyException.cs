namespace SupportQueue.Hosting.Database;

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
