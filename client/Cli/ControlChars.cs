using System.Globalization;
using System.Text;

namespace SupportQueue.Client.Cli;

/// <summary>
/// Makes text from the cluster safe for a terminal: control characters (ESC of an ANSI sequence,
/// carriage return, bell …) are shown as <c>\u001B</c> instead of being obeyed, so a ticket subject
/// or id cannot recolour, rewrite or hide what the operator sees.
/// </summary>
public static class ControlChars
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
