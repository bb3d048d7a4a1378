using System.Text;
using SupportQueue.Core.Planning;
using SupportQueue.Json;

namespace SupportQueue.Client.Planning;

/// <summary>The files a plan leaves behind, built as strings first so that writing is the only I/O.</summary>
public static class PlanOutput
{
    public static readonly IReadOnlyList<string> FileNames = ["roster.csv", "requirements.csv", "scenario.planned.json", "report.html"];

    /// <summary>File name → content.</summary>
    public static IReadOnlyDictionary<string, string> Build(PlanRequest request, PlanResult result, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["roster.csv"] = PlanCsv.Roster(result),
            ["requirements.csv"] = PlanCsv.Requirements(result),
            ["scenario.planned.json"] = ScenarioPlanJson.Write(result.Planned, request.Scheduling),
            ["report.html"] = PlanHtml.Build(result, generatedAt),
        };
    }

    /// <summary>Writes every file into <paramref name="directory"/>, creating it; returns the full paths.</summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, name));
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            paths.Add(path);
        }

        return paths;
    }
}
