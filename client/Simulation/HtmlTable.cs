using System.Text;
using SupportQueue.Reporting;

namespace SupportQueue.Client.Simulation;

/// <summary>A <see cref="TextTable"/> as an HTML table, for the simulation and plan reports.</summary>
internal static class HtmlTable
{
    public static void Write(StringBuilder sb, TextTable table)
    {
        sb.Append("<table>\n<caption>").Append(E(table.Title)).Append("</caption>\n<thead><tr>");
        foreach (var header in table.Headers)
        {
            sb.Append("<th>").Append(E(header)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td>").Append(E(cell)).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>Escapes markup only: the page is UTF-8, so "±" and "≤" stay readable in the source.</summary>
    private static string E(string text) => SvgText.Escape(text);
}
