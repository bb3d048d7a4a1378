namespace SupportQueue.Silo.Tests;

/// <summary>Reads server-sent events from a response stream, one event at a time.</summary>
internal static class SseReader
{
    /// <summary>The next event's name and data (data lines joined); fails when the stream ends first or nothing comes within 20 s.</summary>
    public static async Task<(string Event, string Data)> NextAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string name = "message";
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            Assert.True(line is not null, "the event stream ended");
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (name, string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line[5..].TrimStart());
            }
        }
    }
}
