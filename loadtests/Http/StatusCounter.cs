using System.Collections.Concurrent;

namespace SupportQueue.LoadTests.Http;

/// <summary>Counts the load client's HTTP responses by status code: what the pipeline answered, for the run's checks.</summary>
public sealed class StatusCounter : DelegatingHandler
{
    private readonly ConcurrentDictionary<int, long> _counts = new();

    public StatusCounter(HttpMessageHandler inner) : base(inner)
    {
    }

    /// <summary>Responses so far by status code.</summary>
    public IReadOnlyDictionary<int, long> Counts => _counts;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _counts.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        return response;
    }
}
