using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SupportQueue.Core.Model;
using SupportQueue.Json;
using SupportQueue.LoadTests.Orleans;
using SupportQueue.Silo.Api;
using SupportQueue.Silo.Security;

namespace SupportQueue.LoadTests.Http;

/// <summary>
/// A customer's integration: submits tickets with <c>POST /tickets</c> under a submitter key, the
/// body written with the API's own request type and JSON dialect.
/// </summary>
public sealed class HttpSubmitter(HttpClient http, string key)
{
    private static readonly MediaTypeHeaderValue _json = new("application/json");
    private static readonly Uri _tickets = new("/tickets", UriKind.Relative);

    private long _created;

    /// <summary>Submits answered 201 Created: each went through the whole pipeline to a stored ticket.</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>What the caller heard: stored (201), refused (any 4xx: nothing changed), or unknown (5xx, no answer); with a failure label.</summary>
    public async Task<(SubmitOutcome Outcome, string? Failure)> SubmitAsync(TicketSpec ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new TicketRequest(ticket.TicketId, ticket.DeskId, ticket.Priority, ticket.Skills, ticket.EntryTier, ticket.Subject), SupportQueueJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, _tickets) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = _json;
        if (key.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(ApiKeys.Header, key);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            // Read to its end, so the connection goes back to the pool; the load client needs the status only,
            // so the body is not buffered (that copy was the client's largest allocation per request).
            await response.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref _created);
                return (SubmitOutcome.Stored, null);
            }

            var status = (int)response.StatusCode;
            return (status is >= 400 and < 500 ? SubmitOutcome.Refused : SubmitOutcome.Unknown, "http:" + status);
        }
        catch (HttpRequestException ex)
        {
            return (SubmitOutcome.Unknown, "http:" + (ex.HttpRequestError.ToString()));
        }
        catch (IOException)
        {
            // The answer broke off in its body: whatever the status said, the caller did not hear it whole.
            return (SubmitOutcome.Unknown, "http:body");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (SubmitOutcome.Unknown, "timeout");
        }
    }
}
