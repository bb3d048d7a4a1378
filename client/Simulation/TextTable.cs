namespace SupportQueue.Client.Simulation;

/// <summary>A table as plain text cells; the console and the HTML page render the same tables.</summary>
public sealed record TextTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
