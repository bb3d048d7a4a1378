using CsCheck;

namespace SupportQueue.Core.Tests.Properties;

public class DeskPropertyTests
{
    private static readonly Gen<Scenario> _scenarios =
        Gen.Select(
            Gen.Int[0, 1000].Array[18],
            Gen.Select(Gen.Int[0, 19], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000], (k, a, b, c) => new Op(k, a, b, c)).Array[1, 80],
            (knobs, ops) => new Scenario(knobs, ops));

    [Fact]
    public void Random_operation_sequences_keep_every_ticket_accounted_for()
    {
        // Each step is checked against the model inside Play: invariants, exactly-one-state per ticket,
        // capacity, conservation, and refusals that change nothing.
        _scenarios.Sample(s => new DeskModel(s.Knobs).Play(s.Ops), iter: 400, print: s => s.ToString());
    }

    [Fact]
    public void Replaying_a_sequence_gives_the_same_offers()
    {
        _scenarios.Sample(
            s =>
            {
                var first = new DeskModel(s.Knobs);
                first.Play(s.Ops);
                var second = new DeskModel(s.Knobs);
                second.Play(s.Ops);
                Assert.Equal(first.Log, second.Log);
            },
            iter: 150,
            print: s => s.ToString());
    }

    [Fact]
    public void The_model_catches_a_lost_ticket()
    {
        // Guards against a model that checks nothing: a desk that drops a ticket must fail it.
        var model = new DeskModel([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 10, 0]);
        model.Play([new Op(0, 1, 1, 1)]);
        model.Sabotage();
        var failure = Assert.ThrowsAny<Exception>(() => model.Play([new Op(16, 1, 5, 0)]));
        Assert.Contains("t0", failure.Message, StringComparison.Ordinal);
    }
}
