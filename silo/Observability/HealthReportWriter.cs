using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportQueue.Silo.Observability;

/// <summary>Writes a health report as a small JSON object: overall status and each check's status and description.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        if (report.Status != HealthStatus.Healthy)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
