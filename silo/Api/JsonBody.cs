using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Json;

namespace SupportQueue.Silo.Api;

/// <summary>
/// Reads request bodies in the one JSON dialect (unknown fields and duplicate keys refused, enum
/// names any case) so a refusal names the JSON path, the value, the line and the column, which
/// ASP.NET Core's own binding does not give.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the problem; an empty body gives <paramref name="empty"/> when one is allowed.</summary>
    public static async Task<(T? Value, BadRequest<ProblemDetails>? Problem)> ReadAsync<T>(HttpRequest request, T? empty = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > InputChecks.MaxBodyBytes)
        {
            throw TooLarge(request.ContentLength.Value);
        }

        // No body at all (no length and not chunked, as curl -X POST sends it) is as empty as a zero length.
        var none = request.ContentLength == 0
            || request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false };
        if (none && empty is not null)
        {
            return (empty, null);
        }

        var result = await SupportQueueJson.ReadAsync<T>(request.Body, InputChecks.MaxBodyBytes, request.HttpContext.RequestAborted);
        if (result.InputError is { } error)
        {
            // A chunked or unannounced body that turned out empty is no body either.
            if (empty is not null && error == JsonInputError.Empty)
            {
                return (empty, null);
            }

            if (error.Path == "$" && error.Value is null && error.Reason.StartsWith("the body is larger", StringComparison.Ordinal))
            {
                throw TooLarge(null);
            }

            return (null, Problems.Json(error));
        }

        return (result.Value, null);
    }

    // Answered by the error middleware with 413 and a problem, whichever route read the body.
    private static BadHttpRequestException TooLarge(long? length) =>
        new($"the body{(length is { } n ? $" ({n} bytes)" : "")} is larger than {InputChecks.MaxBodyBytes} bytes", StatusCodes.Status413PayloadTooLarge);
}
