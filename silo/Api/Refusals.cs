using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>Runs a grain call and answers the engine's refusal as the typed problem its code calls for.</summary>
internal static class Refusals
{
    /// <param name="field">What the operation is about, named when the refusal does not name a field itself.</param>
    /// <param name="value">That field's value.</param>
    /// <param name="action">The call; its result is the success answer.</param>
    public static async Task<Results<TOk, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Run<TOk>(string field, string? value, Func<Task<TOk>> action)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (SupportQueueException ex)
        {
            var problem = Problems.Refusal(ex, field, value);
            return problem.Status switch
            {
                StatusCodes.Status404NotFound => TypedResults.NotFound(problem),
                StatusCodes.Status409Conflict => TypedResults.Conflict(problem),
                _ => TypedResults.BadRequest(problem),
            };
        }
    }
}
