using Microsoft.AspNetCore.Mvc;
using SupportQueue.Core.Model;
using SupportQueue.Grains;

namespace SupportQueue.Silo.Api;

/// <summary>
/// The last line of refusals: whatever escapes a handler becomes a problem response, never a bare
/// 500 for bad input. Engine refusals map to 4xx, an oversized or unreadable request to its 4xx, and
/// an unavailable dependency (storage, a silo going away, a timeout) to 503 with Retry-After.
/// </summary>
internal static class ApiErrorMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        // Typed problem results (NotFound<ProblemDetails> …) write plain JSON; RFC 9457 names the media type.
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode >= 400 && response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
            {
                response.ContentType = "application/problem+json; charset=utf-8";
            }

            return Task.CompletedTask;
        }, context.Response);
        try
        {
            await next();
        }
        catch (SupportQueueException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, Problems.Refusal(ex, "request", null));
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var field = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "$" : "request";
            await WriteAsync(context, Problems.Create(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "BodyTooLarge" : "BadRequest", field, null, ex.Message));
        }
        catch (Exception ex) when (Unavailable(ex) && !context.Response.HasStarted)
        {
            // A dependency failed: nothing was done, try again shortly.
            await WriteAsync(context, Problems.Create(StatusCodes.Status503ServiceUnavailable, "Unavailable", null, null, ex.Message), retryAfterSeconds: 5);
        }
    }

    // OrleansException covers the runtime's own transient refusals besides rejection: a grain
    // directory not yet stable after a silo died, an activation that could not be placed. All say
    // "the cluster could not do it now"; none is bad input.
    private static bool Unavailable(Exception ex) =>
        ex is StorageUnavailableException or TimeoutException or OrleansException
            or Orleans.Runtime.Messaging.ConnectionFailedException or Orleans.Networking.Shared.SocketConnectionException;

    private static Task WriteAsync(HttpContext context, ProblemDetails problem, int? retryAfterSeconds = null)
    {
        context.Response.Clear();
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
