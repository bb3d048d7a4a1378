using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Reports;

/// <summary>
/// The SupportQueue part of a run's report.html: the invariant verdict first (a run that lost or
/// doubled a ticket failed whatever its latencies), then the setup, the service measures (desk and
/// per tier) and the load per silo — what report.md says, as HTML.
/// </summary>
public static partial class OrleansHtmlSection
{
    public static string Build(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = record.Invariants;
        var sb = new StringBuilder();
        sb.Append("<h2>Invariant check: <span class=\"").Append(r.Passed ? "pass\">PASSED" : "fail\">FAILED").Append("</span></h2>\n<p>")
            .Append(E($"Accounted: {I(r.Accounted)} tickets = {I(r.Resolved)} resolved + {I(r.Queued)} queued + {I(r.InService)} in service + {I(r.Abandoned)} abandoned " +
                $"({I(r.UncertainFound)} of them from submits that failed ambiguously or never answered)."));
        if (r.UncertainSubmits.Count > 0)
        {
            var stored = r.UncertainSubmits.Count(u => u.Stored);
            sb.Append(' ').Append(E($"Submits that failed ambiguously or never answered: {I(r.UncertainSubmits.Count)} — {I(stored)} stored after all, {I(r.UncertainSubmits.Count - stored)} not stored."));
        }

        sb.Append("</p>\n");
        if (!r.Passed)
        {
            sb.Append("<ul class=\"fail\">\n");
            foreach (var v in r.Violations)
            {
                sb.Append("<li>").Append(E(v)).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        var diagnosis = OrleansReport.Diagnosis(record).ToList();
        if (diagnosis.Count > 0)
        {
            sb.Append("<h2 class=\"fail\">Why the thresholds failed</h2>\n<ul>\n").Append(string.Concat(diagnosis.Select(d => "<li>" + E(d) + "</li>\n"))).Append("</ul>\n");
        }

        sb.Append("<h2>Setup</h2>\n<ul>\n");
        foreach (var line in OrleansReport.SetupLines(record))
        {
            sb.Append("<li>").Append(Code().Replace(E(line), "<code>$1</code>")).Append("</li>\n");
        }

        sb.Append("</ul>\n<h2>Service (simulated time, from the tickets' histories)</h2>\n");
        Table(sb, ["measure", "value"], OrleansReport.OutcomeRows(record).Select(x => new[] { x.Name, x.Value.Replace("**", "", StringComparison.Ordinal) }));
        if (record.Tiers.Count > 0)
        {
            sb.Append("<h3>Per tier (a queue visit belongs to the tier it waited in; occupancy = busy ÷ staffed slot time from the roster)</h3>\n");
            Table(sb, OrleansReport.TierHeader, OrleansReport.TierRows(record));
        }

        sb.Append("<h2>Load per silo</h2>\n");
        var received = record.Info.ReceivedBySilo;
        var total = received.Values.Sum();
        if (!record.Info.MessagesMeasured)
        {
            sb.Append("<p>Messages per silo: not measured — an external cluster's meters live in its silo processes (read them there, e.g. <code>dotnet-counters monitor --counters Microsoft.Orleans</code>).</p>\n");
        }
        else
        {
            sb.Append("<p>").Append(E($"Messages received during the run, from Orleans' own meter ({SiloMessageMeter.MeterName} / {SiloMessageMeter.InstrumentName}, per silo); activations at the last sample.")).Append("</p>\n");
        }

        var silos = received.Keys.Union(record.Info.ActivationsBySilo.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Table(sb, ["silo", "messages", "share", "activations"], silos.Select(silo => new[]
        {
            silo,
            record.Info.MessagesMeasured ? I(received.GetValueOrDefault(silo)) : "not measured",
            total == 0 ? "-" : (100.0 * received.GetValueOrDefault(silo) / total).ToString("0.#", CultureInfo.InvariantCulture) + " %",
            record.Info.ActivationsBySilo.TryGetValue(silo, out var a) ? I(a) : "gone",
        }));
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        sb.Append("<table class=\"text\">\n<tr>");
        foreach (var h in header)
        {
            sb.Append("<th>").Append(E(h)).Append("</th>");
        }

        sb.Append("</tr>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>").Append(string.Concat(row.Select(c => "<td>" + E(c) + "</td>"))).Append("</tr>\n");
        }

        sb.Append("</table>\n");
    }

    [GeneratedRegex("`([^`]*)`", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
