using System.Globalization;
using System.Text;

namespace SupportQueue.Reporting;

/// <summary>Text and number formatting for SVG and HTML output.</summary>
public static class SvgText
{
    /// <summary>A short invariant label: 12.5k, 3.4M, 0.125.</summary>
    public static string Compact(double v)
    {
        var a = Math.Abs(v);
        return a switch
        {
            >= 1_000_000_000 => (v / 1_000_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "G",
            >= 1_000_000 => (v / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 10_000 => (v / 1_000).ToString("0.##", CultureInfo.InvariantCulture) + "k",
            _ => v.ToString("0.###", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A coordinate with at most two decimals, invariant culture.</summary>
    public static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for use in SVG/XML content and attribute values.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
