using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Releases;
using Xunit;
using static Hangar.Core.Tests.Releases.GraphBuilder;

namespace Hangar.Core.Tests.Releases;

public sealed class ReleaseGraphRulesTests
{
    private static List<string> Codes(GraphBuilder graph) => ReleaseGraphRules.Check(graph.Releases, Now).Select(v => v.Code).ToList();

    [Fact]
    public void AChain_IsValid() => Assert.Empty(Codes(Chain(4)));

    [Fact]
    public void Cycle_IsRefused() =>
        Assert.Contains(ReleaseGraphRules.Cycle, Codes(Chain(3).With(2, r => r with { NextId = IdOf(0) })));

    [Fact]
    public void NextOutsideTheCohort_IsRefused() =>
        Assert.Contains(ReleaseGraphRules.DanglingNext, Codes(Chain(3).With(2, r => r with { NextId = Guid.CreateVersion7() })));

    [Fact]
    public void TwoLatestReleases_AreRefused() =>
        Assert.Contains(ReleaseGraphRules.SeveralLatest, Codes(Chain(3).With(1, r => r with { NextId = null })));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void ScheduledOrPhasedBeforeTheLatest_IsRefused(bool scheduled, bool phased) =>
        Assert.Contains(ReleaseGraphRules.ConstrainedBeforeLatest, Codes(Chain(3).With(1, r => r with
        {
            ScheduleDate = scheduled ? Now.AddDays(1) : null,
            Phase = phased ? ReleasePhase.Share(0.5m) : ReleasePhase.Everyone,
        })));

    [Fact]
    public void ScheduleInThePast_BeforeTheLatest_IsFine() =>
        Assert.Empty(Codes(Chain(3).With(1, r => r with { ScheduleDate = Now.AddDays(-1) })));

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(2.5)]
    public void MalformedPhase_IsRefused(double value) =>
        Assert.Contains(ReleaseGraphRules.InvalidPhase, Codes(Chain(2).With(1, r => r with { Phase = ReleasePhase.Share((decimal)value) })));

    [Fact]
    public void AppendingAfterAPhasedLatest_IsRefused()
    {
        var graph = Chain(2).With(1, r => r with { Phase = ReleasePhase.Share(0.2m) });
        var added = Chain(3).Releases[2];
        var edit = ReleaseGraphEdit.Insert(graph.Releases, added, null, null);
        var codes = ReleaseGraphRules.Check(edit.ApplyTo(graph.Releases), Now).Select(v => v.Code);
        Assert.Contains(ReleaseGraphRules.ConstrainedBeforeLatest, codes);
    }

    [Fact]
    public void InsertBetweenNonAdjacent_IsRefused()
    {
        var graph = Chain(4);
        var edit = ReleaseGraphEdit.Insert(graph.Releases, Chain(5).Releases[4], IdOf(0), IdOf(2));
        Assert.Equal(ReleaseGraphEdit.NotAdjacent, edit.Error?.Code);
    }

    [Fact]
    public void InsertNextToAReleaseOfAnotherCohort_IsRefused() =>
        Assert.Equal(ReleaseGraphEdit.NotInCohort, ReleaseGraphEdit.Insert(Chain(2).Releases, Chain(3).Releases[2], Guid.CreateVersion7(), null).Error?.Code);

    [Property(MaxTest = 300)]
    public Property InsertAnywhere_KeepsAValidChain_InTheIntendedOrder() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 6)), Arb.From(Gen.Choose(-1, 6)), Arb.From(Gen.Choose(0, 2)), (size, position, mode) =>
        {
            var chain = Chain(size).Releases;
            var added = Chain(size + 1).Releases[size] with { Id = Guid.Parse("0190a6e2-0000-7000-b000-000000000001") };
            var at = Math.Min(position, size - 1);
            Guid? previous = at >= 0 && mode != 1 ? chain[at].Id : null;
            Guid? next = mode == 0 ? null : at + 1 < size ? chain[at + 1].Id : null;
            if (mode == 2 && previous is null && next is null)
            {
                return true;
            }

            var edit = ReleaseGraphEdit.Insert(chain, added, previous, next);
            var after = edit.ApplyTo(chain);
            var order = Order(after);
            var expected = chain.Select(r => r.Id).ToList();
            var index = previous is { } p ? expected.IndexOf(p) + 1 : next is { } n ? expected.IndexOf(n) : expected.Count;
            expected.Insert(index, added.Id);
            return edit.Error is null && ReleaseGraphRules.Check(after, Now).Count == 0 && order.SequenceEqual(expected);
        });

    [Property(MaxTest = 300)]
    public Property RemoveAny_KeepsAValidChain_OfTheOthersInOrder() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 7)), Arb.From(Gen.Choose(0, 6)), (size, which) =>
        {
            var chain = Chain(size).Releases;
            var removed = chain[which % size].Id;
            var edit = ReleaseGraphEdit.Remove(chain, removed);
            var after = edit.ApplyTo(chain, removed);
            return edit.Error is null
                && ReleaseGraphRules.Check(after, Now).Count == 0
                && Order(after).SequenceEqual(chain.Select(r => r.Id).Where(id => id != removed));
        });

    /// <summary>The releases of a chain from its single head to the latest.</summary>
    private static List<Guid> Order(IReadOnlyList<ReleaseNode> releases)
    {
        var heads = releases.Where(r => releases.All(o => o.NextId != r.Id)).ToList();
        if (heads.Count != 1)
        {
            return heads.Count == 0 && releases.Count == 0 ? [] : [Guid.Empty];
        }

        var byId = releases.ToDictionary(r => r.Id);
        var order = new List<Guid>();
        for (ReleaseNode? node = heads[0]; node is not null && order.Count <= releases.Count; node = node.NextId is { } n ? byId[n] : null)
        {
            order.Add(node.Id);
        }

        return order;
    }
}
