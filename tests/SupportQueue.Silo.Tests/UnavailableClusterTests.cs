using Microsoft.AspNetCore.Http;
using SupportQueue.Silo.Api;

namespace SupportQueue.Silo.Tests;

/// <summary>
/// Issue 11 defect 6: while a killed silo's grains are being re-activated on a survivor, the
/// runtime refuses calls with its own transient errors (a directory not yet stable, a connection
/// to the dead silo failing). Those are "try again shortly", answered 503 with Retry-After, never 500.
/// </summary>
public sealed class UnavailableClusterTests
{
    public static TheoryData<string> TransientErrors() => [nameof(OrleansException), nameof(SiloUnavailableException), nameof(Orleans.Runtime.Messaging.ConnectionFailedException), nameof(TimeoutException)];

    [Theory]
    [MemberData(nameof(TransientErrors))]
    public async Task A_transient_cluster_error_is_a_503_with_Retry_After(string error)
    {
        Exception ex = error switch
        {
            nameof(OrleansException) => new OrleansException("Current directory at S127.0.0.1:11111 is not stable to perform the lookup for grain deskscheduler/d1"),
            nameof(SiloUnavailableException) => new SiloUnavailableException("silo S127.0.0.1:11112 is unavailable"),
            nameof(Orleans.Runtime.Messaging.ConnectionFailedException) => new Orleans.Runtime.Messaging.ConnectionFailedException("connection refused"),
            _ => new TimeoutException("response did not arrive on time"),
        };
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await ApiErrorMiddleware.InvokeAsync(context, () => throw ex);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.True(int.Parse(context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}
