using SupportQueue.Silo.Security;

namespace SupportQueue.Integration.Tests.Security;

/// <summary>
/// The access rule as a table: every classified route × every role × own desk / other desk ×
/// own agent / other agent, against expectations written out here independently of the rule.
/// </summary>
public sealed class AccessRuleTests
{
    private const string DeskA = "desk-a";
    private const string DeskB = "desk-b";

    // What each role may do on its own desk (agent: as itself). Written from the roles.
    private static readonly Dictionary<ApiRole, HashSet<ApiOperation>> _allowedOnOwnDesk = new()
    {
        [ApiRole.Admin] = [.. Enum.GetValues<ApiOperation>().Except([ApiOperation.ListDesks, ApiOperation.Dashboard])],
        [ApiRole.Agent] = [ApiOperation.ReadAgent, ApiOperation.ActAsAgent, ApiOperation.ReadTicket, ApiOperation.ReadDeskStatus, ApiOperation.Wallboard],
        [ApiRole.Submitter] = [ApiOperation.SubmitTicket, ApiOperation.ReadTicket, ApiOperation.ChangeTicket, ApiOperation.Wallboard],
    };

    private static ApiKeyRecord Key(ApiRole role, string desk = DeskA) =>
        new("id", [1], desk, role, role == ApiRole.Agent ? "agent-1" : null, DateTimeOffset.UnixEpoch, null);

    public static TheoryData<string, string, ApiRole> Matrix()
    {
        var data = new TheoryData<string, string, ApiRole>();
        foreach (var ((method, pattern), _) in RouteOperations.Table)
        {
            foreach (var role in Enum.GetValues<ApiRole>())
            {
                data.Add(method, pattern, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_route_role_and_desk_gets_the_expected_answer(string method, string pattern, ApiRole role)
    {
        var operation = RouteOperations.Classify(method, pattern)!.Value;
        var key = Key(role);
        var agentRoute = pattern.Contains("{agentId}", StringComparison.Ordinal);
        var spansDesks = operation is ApiOperation.ListDesks;
        var own = spansDesks ? [] : new[] { DeskA };
        var expected = _allowedOnOwnDesk[role].Contains(operation);

        Assert.Equal(expected, AccessRule.Decide(key, operation, own, agentRoute ? "agent-1" : null).Allowed);

        // Desk B: never, whatever the role, alone or beside desk A (a ticket of B named on a route of A).
        if (!spansDesks)
        {
            Assert.False(AccessRule.Decide(key, operation, [DeskB], agentRoute ? "agent-1" : null).Allowed);
            Assert.False(AccessRule.Decide(key, operation, [DeskA, DeskB], agentRoute ? "agent-1" : null).Allowed);
        }

        // An agent key acting as another agent of its own desk.
        if (agentRoute && role == ApiRole.Agent)
        {
            Assert.False(AccessRule.Decide(key, operation, own, "agent-2").Allowed);
        }

        // A cluster admin may do anything anywhere.
        Assert.True(AccessRule.Decide(Key(ApiRole.Admin, ApiKeyRecord.AllDesks), operation, spansDesks ? [] : [DeskB], agentRoute ? "agent-9" : null).Allowed);
    }

    [Fact]
    public void The_dashboard_and_the_desk_list_need_a_cluster_admin()
    {
        Assert.Equal(ApiOperation.Dashboard, RouteOperations.Classify("GET", "/dashboard/{**path}"));
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            Assert.False(AccessRule.Decide(Key(role), ApiOperation.Dashboard, [], null).Allowed);
            Assert.False(AccessRule.Decide(Key(role), ApiOperation.ListDesks, [], null).Allowed);
        }

        Assert.True(AccessRule.Decide(Key(ApiRole.Admin, ApiKeyRecord.AllDesks), ApiOperation.Dashboard, [], null).Allowed);
    }

    [Fact]
    public void A_refusal_says_why()
    {
        var decision = AccessRule.Decide(Key(ApiRole.Submitter), ApiOperation.SubmitTicket, [DeskB], null);
        Assert.Equal("the key is for desk 'desk-a', not 'desk-b'", decision.Reason);
        Assert.Equal(("deskId", "desk-b"), (decision.Field, decision.Value));
        var agent = AccessRule.Decide(Key(ApiRole.Agent), ApiOperation.ActAsAgent, [DeskA], "agent-2");
        Assert.Contains("agent-1", agent.Reason, StringComparison.Ordinal);
        Assert.Equal(("agentId", "agent-2"), (agent.Field, agent.Value));
    }

    [Theory]
    [InlineData("GET", "/desks/", ApiOperation.ListDesks)]
    [InlineData("get", "desks/{deskId}/status", ApiOperation.ReadDeskStatus)]
    [InlineData("GET", "/desks/{deskId}/export", ApiOperation.ExportDeskHistory)]
    [InlineData("GET", "/health/ready", null)]
    [InlineData("DELETE", "/desks/{deskId}", null)]
    public void Routes_are_classified_by_method_and_pattern(string method, string pattern, ApiOperation? expected) =>
        Assert.Equal(expected, RouteOperations.Classify(method, pattern));

    [Theory]
    [InlineData("/desks", "/desks")]
    [InlineData("/desks/", "/desks")]
    [InlineData("desks/{deskId}", "/desks/{deskId}")]
    [InlineData("//desks//", "/desks")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/a", "/a")]
    public void Patterns_are_normalised_to_one_leading_slash_and_none_trailing(string pattern, string expected) =>
        Assert.Equal(expected, RouteOperations.Normalize(pattern));

    [Theory]
    [InlineData("/health", true)]
    [InlineData("/health/ready", true)]
    [InlineData("/openapi/{documentName}.json", true)]
    [InlineData("/scalar/{documentName}", true)]
    [InlineData("/metrics", true)]
    [InlineData("/wallboard/{deskId}", true)]
    [InlineData("/metricsx", false)]
    [InlineData("/healthz", false)]
    [InlineData("/wallboard/{deskId}/data", false)]
    [InlineData("/tickets", false)]
    [InlineData("/", false)]
    public void Only_probes_metrics_the_API_description_and_the_wallboard_page_are_public(string pattern, bool open) =>
        Assert.Equal(open, RouteOperations.IsPublic(pattern));

    [Fact]
    public void Keys_are_random_and_only_their_hash_is_kept()
    {
        var (id1, key1) = ApiKeys.Generate();
        var (id2, key2) = ApiKeys.Generate();
        Assert.NotEqual(key1, key2);
        Assert.StartsWith($"sq_{id1}_", key1, StringComparison.Ordinal);
        Assert.NotEqual(id1, id2);
        Assert.True(key1.Length >= 3 + 16 + 1 + 43);
        Assert.Equal(32, ApiKeys.Hash(key1).Length);
        Assert.Equal(ApiKeys.Hash(key1), ApiKeys.Hash(key1));
    }
}
