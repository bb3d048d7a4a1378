using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Tests.Model;

/// <summary>
/// Skill and tier names go into ticket-history traces joined by ';', '=', '>' and ':': a name holding
/// one of them was accepted and exported as something else ('billing;refunds' read back as two skills).
/// </summary>
public class RecordNameTests
{
    [Theory]
    [InlineData("billing;refunds", ';')]
    [InlineData("L1=4", '=')]
    [InlineData("L1>L2", '>')]
    [InlineData("vip:gold", ':')]
    public void A_name_holding_a_trace_separator_is_refused_naming_it(string name, char separator)
    {
        var problem = RecordName.Problem(name);

        Assert.NotNull(problem);
        Assert.Equal(name, problem.Value.Shown);
        Assert.StartsWith($"must not hold '{separator}'", problem.Value.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("billing")]
    [InlineData("network-2.0_eu")]
    [InlineData("Zahlungsverkehr/Rückbuchung")]
    public void Ordinary_names_pass(string name) => Assert.Null(RecordName.Problem(name));

    [Fact]
    public void Ids_rules_come_first()
    {
        Assert.Equal("must not be empty", RecordName.Problem(" ")!.Value.Reason);
        Assert.Contains("not printable", RecordName.Problem("a\u0007;b")!.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tickets_agents_and_the_desk_refuse_such_a_skill()
    {
        var ticket = Assert.Throws<SupportQueueException>(() => new TicketSpec("t1", "desk", Priority.P3, ["billing;refunds"]).Validate());
        Assert.Equal("skills: 'billing;refunds' — must not hold ';': ';', '=', '>' and ':' separate names in ticket-history traces", ticket.Message);

        var agent = Assert.Throws<SupportQueueException>(() => new AgentSpec("a1", "desk", "L1", [new SkillLevel("vip:gold", 3)]).Validate(DeskSettings.Default));
        Assert.StartsWith("skills: 'vip:gold' — must not hold ':'", agent.Message, StringComparison.Ordinal);

        var profile = Assert.Throws<SupportQueueException>(() => TicketProfile.Create(Priority.P3, ["a=b"], null));
        Assert.StartsWith("skills: 'a=b' — must not hold '='", profile.Message, StringComparison.Ordinal);
    }
}
