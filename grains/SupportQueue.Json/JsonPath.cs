using System.Globalization;
using System.Text;

namespace SupportQueue.Json;

/// <summary>JSON paths as the serializer writes them: <c>$.a.b[2]['c d']</c>.</summary>
internal static class JsonPath
{
    public static string Append(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '*' or '$')
            ? $"{path}.{name}"
            : $"{path}['{name}']";

    public static string Append(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public static string Format(IEnumerable<JsonPathStep> steps)
    {
        var sb = new StringBuilder("$");
        foreach (var step in steps)
        {
            sb.Append(step.Index is { } i ? Append("", i) : Append("", step.Name!));
        }

        return sb.ToString();
    }

    /// <summary>Splits "$.a.b[2]['c d']" into its steps.</summary>
    public static List<JsonPathStep> Parse(string? path)
    {
        var steps = new List<JsonPathStep>();
        if (string.IsNullOrEmpty(path))
        {
            return steps;
        }

        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not '.' and not '[')
                {
                    end++;
                }

                steps.Add(new JsonPathStep(path[(i + 1)..end], null));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var close = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? path.Length : close;
                steps.Add(new JsonPathStep(path[(i + 2)..end], null));
                i = close < 0 ? path.Length : close + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                if (int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(new JsonPathStep(null, index));
                }

                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return steps;
    }
}
