using System.Text;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Commands;
using SupportQueue.LoadTests.Orleans;
using SupportQueue.Silo;
using SupportQueue.Silo.Security;

namespace SupportQueue.LoadTests.Tests;

/// <summary>--via http: the customers' submits go through the silo's own web pipeline, keys and all.</summary>
[Collection(OrleansCollection.Name)]
public class HttpTargetTests
{
    [Fact]
    public async Task Via_http_every_submit_is_a_201_from_the_silos_pipeline_and_tickets_are_assigned()
    {
        var options = new RunCommand.Settings
        {
            Compress = "600",
            Duration = "200ms",
            Tail = "500ms",
            Warmup = "0",
            NoLive = true,
            Via = "http",
        }.ToOptions();
        Assert.Equal(SiloWebParts.All, options.Http);
        var dir = Path.Combine(Path.GetTempPath(), "sq-http-smoke-" + Guid.NewGuid().ToString("N"));
        await using var cluster = await LoadCluster.StartInProcessHttpAsync(LoadCommands.Compression(options), SiloWebParts.All, CancellationToken.None);
        var http = cluster.Http!;
        try
        {
            var record = await LoadCommands.RunOneAsync(options, cluster, "http", dir, disrupt: null, CancellationToken.None);

            var ops = record.Result.Operations.ToDictionary(o => o.Operation);
            var submitted = ops["submit"].Count;
            Assert.InRange(submitted, 10, 100);
            // Every submit was answered by the HTTP pipeline with 201 Created, and nothing else was sent.
            Assert.Equal(new Dictionary<int, long> { [201] = submitted }, http.Responses.Counts.ToDictionary());
            Assert.True(ops["submit->assign"].Count > 0);
            Assert.True(record.Invariants.Passed, string.Join("\n", record.Invariants.Violations));
            Assert.Equal(submitted, record.Outcome.Tickets);
            Assert.Contains("over HTTP", record.Info.Cluster, StringComparison.Ordinal);

            // The pipeline is the silo's: keys are required and bound to their desk, metrics are served.
            var ticket = $$"""{"ticketId":"http-extra","deskId":"{{record.Info.DeskId}}","priority":"P3"}""";
            using (var noKey = await http.Http.PostAsync(new Uri("/tickets", UriKind.Relative), new StringContent(ticket, Encoding.UTF8, "application/json")))
            {
                Assert.Equal(401, (int)noKey.StatusCode);
                Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
            }

            using (var request = new HttpRequestMessage(HttpMethod.Post, "/tickets") { Content = new StringContent(ticket, Encoding.UTF8, "application/json") })
            {
                request.Headers.Add(ApiKeys.Header, await http.CreateKeyAsync("another-desk", ApiRole.Submitter));
                using var otherDesk = await http.Http.SendAsync(request);
                Assert.Equal(403, (int)otherDesk.StatusCode);
            }

            var metrics = await http.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Contains("supportqueue_tickets_submitted", metrics, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("http", "--silos", "2")]
    [InlineData("http", "--gateway", "30000")]
    [InlineData("grpc", null, null)]
    public void Via_http_is_refused_where_it_cannot_run(string via, string? option, string? value)
    {
        var settings = option switch
        {
            "--silos" => new RunCommand.Settings { Via = via, Silos = value },
            "--gateway" => new RunCommand.Settings { Via = via, Gateway = value },
            _ => new RunCommand.Settings { Via = via },
        };

        var error = Assert.Throws<UsageException>(() => settings.ToOptions());
        Assert.Contains("--via", error.Message, StringComparison.Ordinal);
        Assert.Contains(via, error.Message, StringComparison.Ordinal);
    }
}
