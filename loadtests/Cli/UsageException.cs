namespace SupportQueue.LoadTests.Cli;

/// <summary>A command line that could not be understood: names the argument and the value (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
