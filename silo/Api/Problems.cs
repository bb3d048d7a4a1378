using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Core.Model;
using SupportQueue.Json;

namespace SupportQueue.Silo.Api;

/// <summary>
/// RFC 9457 problem details for every refusal. Besides <c>title</c> and <c>detail</c>, each names
/// the input at fault: <c>field</c> (a JSON path such as <c>$.priority</c>, or a route or query
/// parameter name), <c>value</c> (as sent; null when there was none) and a stable <c>code</c>;
/// JSON errors add <c>line</c>, <c>column</c> and sometimes a <c>hint</c>.
/// </summary>
internal static class Problems
{
    public static ProblemDetails Create(int status, string code, string? field, string? value, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status409Conflict => "Conflict",
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status503ServiceUnavailable => "Service unavailable",
                _ => "Invalid request",
            },
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["field"] = field;
        problem.Extensions["value"] = value;
        return problem;
    }

    /// <summary>
    /// Refusals made before any endpoint runs (no route, a method or content type the route does
    /// not take) come from ASP.NET Core's status pages with a title only; they name the input too.
    /// </summary>
    public static void NameRoutingRefusal(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var request = context.HttpContext.Request;
        var path = InputChecks.Escaped(request.Path.Value ?? "");
        var contentType = request.ContentType is { } sent ? InputChecks.Escaped(sent) : null;
        var (code, field, value, detail) = problem.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("UnsupportedMediaType", "Content-Type", contentType,
                $"Content-Type: {Show(contentType)} — send the body as application/json"),
            StatusCodes.Status405MethodNotAllowed => ("MethodNotAllowed", "method", request.Method,
                $"method: {Show(request.Method)} — {path} does not take {request.Method}"),
            StatusCodes.Status404NotFound when context.HttpContext.GetEndpoint() is null => ("UnknownRoute", "path", path,
                $"path: {Show(path)} — no such route (the routes are in /openapi/v1.json)"),
            _ => (null, null, null, null),
        };
        if (code is null)
        {
            return;
        }

        problem.Detail = detail;
        problem.Extensions["code"] = code;
        problem.Extensions["field"] = field;
        problem.Extensions["value"] = value;
    }

    public static BadRequest<ProblemDetails> Invalid(string field, string? value, string reason) =>
        TypedResults.BadRequest(Create(StatusCodes.Status400BadRequest, nameof(RefusalCode.InvalidArgument), field, value, $"{field}: {Show(value)} — {reason}"));

    public static BadRequest<ProblemDetails> Json(JsonInputError error)
    {
        var problem = Create(StatusCodes.Status400BadRequest, "InvalidJson", error.Path, error.Value, error.ToString());
        problem.Extensions["line"] = error.Line;
        problem.Extensions["column"] = error.Column;
        if (error.Hint is not null)
        {
            problem.Extensions["hint"] = error.Hint;
        }

        return TypedResults.BadRequest(problem);
    }

    /// <summary>The engine's validation lines ("path: value — reason"): the first names field and value, all are listed.</summary>
    public static BadRequest<ProblemDetails> Settings(IReadOnlyList<string> errors)
    {
        var (field, value, _) = Split(errors[0], "$", null);
        var problem = Create(StatusCodes.Status400BadRequest, nameof(RefusalCode.InvalidSettings), field, value, errors[0]);
        problem.Extensions["errors"] = errors;
        return TypedResults.BadRequest(problem);
    }

    /// <summary>
    /// A refusal from the engine. Its message reads "field: value — reason" when it names an
    /// input; otherwise the operation's own subject (<paramref name="field"/>, <paramref name="value"/>) is named.
    /// </summary>
    public static ProblemDetails Refusal(SupportQueueException ex, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var status = StatusOf(ex.Code);
        var (f, v, _) = Split(ex.Message, field, value);
        return Create(status, ex.Code.ToString(), f, v, ex.Message);
    }

    public static int StatusOf(RefusalCode code) => code switch
    {
        RefusalCode.UnknownDesk or RefusalCode.UnknownAgent or RefusalCode.UnknownTicket => StatusCodes.Status404NotFound,
        RefusalCode.DuplicateTicket or RefusalCode.DuplicateAgent or RefusalCode.InvalidTransition or RefusalCode.NotYourTicket
            or RefusalCode.AgentUnavailable or RefusalCode.AgentAtCapacity or RefusalCode.QueueFull or RefusalCode.NoHigherTier => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    // "field: 'value' — reason" as SupportQueueException.Invalid and the settings checks write it.
    private static (string Field, string? Value, string Reason) Split(string message, string field, string? value)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var dash = message.IndexOf(" — ", StringComparison.Ordinal);
        if (colon <= 0 || dash <= colon || message.AsSpan(0, colon).ContainsAny(" '"))
        {
            return (field, value, message);
        }

        var shown = message[(colon + 2)..dash];
        if (shown.Length >= 2 && shown[0] == '\'' && shown[^1] == '\'')
        {
            shown = shown[1..^1];
        }

        return (message[..colon], shown == "(null)" ? null : shown, message[(dash + 3)..]);
    }

    private static string Show(string? value) => value is null ? "(none)" : $"'{value}'";
}
