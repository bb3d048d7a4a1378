using System.Text;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Reports;

/// <summary>Writes every report of a run into a folder.</summary>
public static class LoadReport
{
    /// <summary>File names, so CI scripts and tests need not guess.</summary>
    public static class FileNames
    {
        /// <summary>Markdown tables.</summary>
        public const string Markdown = "report.md";

        /// <summary>Self-contained HTML with inline SVG charts.</summary>
        public const string Html = "report.html";

        /// <summary>Per-operation totals.</summary>
        public const string Operations = "operations.csv";

        /// <summary>Per-operation, per-interval samples.</summary>
        public const string TimeSeries = "timeseries.csv";

        /// <summary>Run-wide per-interval samples.</summary>
        public const string RunSeries = "run-series.csv";

        /// <summary>Per-silo load per interval.</summary>
        public const string SiloLoad = "silo-load.csv";
    }

    /// <summary>Creates <paramref name="outputDirectory"/> if needed and writes all reports; returns the paths written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(LoadRunResult result, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var files = new (string Name, string Content)[]
        {
            (FileNames.Markdown, MarkdownReport.Build(result)),
            (FileNames.Html, HtmlReport.Build(result)),
            (FileNames.Operations, CsvReport.Operations(result)),
            (FileNames.TimeSeries, CsvReport.TimeSeries(result)),
            (FileNames.RunSeries, CsvReport.RunSeries(result)),
            (FileNames.SiloLoad, CsvReport.SiloLoad(result)),
        };

        var written = new List<string>(files.Length);
        // No BOM: CSV consumers and diff tools treat it as part of the first header name.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(outputDirectory, name);
            await File.WriteAllTextAsync(path, content, utf8, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }
}
