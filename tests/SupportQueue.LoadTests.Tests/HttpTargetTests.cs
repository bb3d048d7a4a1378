using System.Text;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Commands;
using SupportQueue.LoadTests.Http;
using SupportQueue.LoadTests.Orleans;
using SupportQueue.Silo;
using SupportQueue.Silo.Security;

namespace SupportQueue.LoadTests.Tests;

/// <summary>--via http: the customers' submits go through the silo's own web pipeline, keys and all.</summary>
[Collection(OrleansCollection.Name)]
public class HttpTargetTests
{
    [Fact]
    public Task Via_http_every_submit_is_a_201_from_the_silos_pipeline_and_tickets_are_assigned() =>
        RunShortAsync(new RunCommand.Settings { Via = "http" }, overHttp: true, async (record, http) =>
        {
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
        });

    [Fact]
    public Task Via_orleans_on_the_full_pipeline_submits_through_the_client_while_the_silo_runs_keys_and_metrics() =>
        RunShortAsync(new RunCommand.Settings { Pipeline = "full" }, overHttp: false, async (record, http) =>
        {
            var submitted = record.Result.Operations.Single(o => o.Operation == "submit").Count;
            Assert.InRange(submitted, 10, 100);
            Assert.Equal(submitted, record.Outcome.Tickets);
            Assert.True(record.Invariants.Passed, string.Join("\n", record.Invariants.Violations));
            // No submit went over HTTP...
            Assert.Empty(http.Responses.Counts);
            Assert.Contains("through the Orleans client", record.Info.Cluster, StringComparison.Ordinal);

            // ...yet the silo ran its whole pipeline: keys are required, and the domain meter counted the client's submits.
            using (var noKey = await http.Http.GetAsync(new Uri("/desks", UriKind.Relative)))
            {
                Assert.Equal(401, (int)noKey.StatusCode);
            }

            var metrics = await http.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            // One series per tier and priority: "name{labels} value".
            var counted = metrics.Split('\n')
                .Where(l => l.StartsWith("supportqueue_tickets_submitted", StringComparison.Ordinal) && l.Contains(record.Info.DeskId, StringComparison.Ordinal))
                .Sum(l => long.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(submitted, counted);
        });

    [Theory]
    [InlineData(null, null, false, null)]
    [InlineData("orleans", "none", false, null)]
    [InlineData("orleans", "full", false, SiloWebParts.All)]
    [InlineData("orleans", "api", false, SiloWebParts.ApiOnly)]
    [InlineData("http", null, true, SiloWebParts.All)]
    [InlineData("http", "api", true, SiloWebParts.ApiOnly)]
    [InlineData("http-bare", null, true, SiloWebParts.ApiOnly)]
    public void Via_and_pipeline_pick_the_silo_and_the_submit_path(string? via, string? pipeline, bool overHttp, SiloWebParts? parts)
    {
        var options = new RunCommand.Settings { Via = via, Pipeline = pipeline }.ToOptions();
        Assert.Equal(parts, options.Web);
        Assert.Equal(overHttp, options.SubmitOverHttp);
    }

    [Theory]
    [InlineData("http", "none", "--pipeline")]
    [InlineData("http-bare", "full", "--pipeline")]
    [InlineData("orleans", "everything", "--pipeline")]
    [InlineData(null, "full", "--pipeline", "--silos", "2")]
    public void Pipeline_is_refused_where_it_cannot_run(string? via, string pipeline, string named, string? option = null, string? value = null)
    {
        var settings = option is null
            ? new RunCommand.Settings { Via = via, Pipeline = pipeline }
            : new RunCommand.Settings { Via = via, Pipeline = pipeline, Silos = value };

        var error = Assert.Throws<UsageException>(() => settings.ToOptions());
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(pipeline, error.Message, StringComparison.Ordinal);
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

    // A 200 ms run on one in-process silo behind its whole web pipeline, with the submit path the settings name.
    private static async Task RunShortAsync(RunCommand.Settings settings, bool overHttp, Func<OrleansRunRecord, HttpSilo, Task> check)
    {
        var options = new RunCommand.Settings
        {
            Compress = "600",
            Duration = "200ms",
            Tail = "500ms",
            Warmup = "0",
            NoLive = true,
            Via = settings.Via,
            Pipeline = settings.Pipeline,
        }.ToOptions();
        Assert.Equal(SiloWebParts.All, options.Web);
        Assert.Equal(overHttp, options.SubmitOverHttp);
        var dir = Path.Combine(Path.GetTempPath(), "sq-web-smoke-" + Guid.NewGuid().ToString("N"));
        await using var cluster = await LoadCluster.StartInProcessHttpAsync(LoadCommands.Compression(options), SiloWebParts.All, options.SubmitOverHttp, CancellationToken.None);
        try
        {
            await check(await LoadCommands.RunOneAsync(options, cluster, "web", dir, disrupt: null, CancellationToken.None), cluster.Http!);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
