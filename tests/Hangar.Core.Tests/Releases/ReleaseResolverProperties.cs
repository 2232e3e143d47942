using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Releases;
using Hangar.Core.Versions;

namespace Hangar.Core.Tests.Releases;

/// <summary>Properties over random cohort graphs (anti-arborescences with one sink), devices, claims and overrides.</summary>
public sealed class ReleaseResolverProperties
{
    [Property(MaxTest = 500)]
    public Property NeverOffers_ADisabledOrUndeliverableRelease() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
            Resolve(s) is not Resolution.FromRelease offered || (!s.Graph.Releases[offered.ReleaseId].Disabled && s.Graph.Releases[offered.ReleaseId].BundleDeliverable));

    [Property(MaxTest = 500)]
    public Property NeverSkips_ARequiredRelease() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            if (Resolve(s) is not Resolution.FromRelease offered || s.Device.ReportedReleaseId is not { } from || !s.Graph.Releases.ContainsKey(from))
            {
                return true;
            }

            // Every release strictly between the device's release and the offered one is optional.
            var node = s.Graph.Next(s.Graph.Releases[from]);
            while (node is not null && node.Id != offered.ReleaseId)
            {
                if (node.Required)
                {
                    return false;
                }

                node = s.Graph.Next(node);
            }

            return node is not null;
        });

    [Property(MaxTest = 500)]
    public Property IsMonotoneInPhase_RaisingThePhaseNeverTakesAReleaseAway() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            if (Resolve(s) is not Resolution.FromRelease offered || s.Graph.Releases[offered.ReleaseId].Phase is not { Mode: PhaseMode.Numeric, Value: < 1m } phase)
            {
                return true;
            }

            var raised = new CohortReleaseGraph(s.Graph.CohortId, s.Graph.Releases.Values.Select(r =>
                r.Id == offered.ReleaseId ? r with { Phase = ReleasePhase.Share(Math.Min(1m, phase.Value + 0.25m)) } : r));
            return ReleaseResolver.Resolve(s.Device, raised, s.Overrides, s.Claims, GraphBuilder.Now) is Resolution.FromRelease again
                && again.ReleaseId == offered.ReleaseId;
        });

    [Property(MaxTest = 300)]
    public Property IsDeterministic_WhateverTheInputOrder() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var shuffled = new CohortReleaseGraph(s.Graph.CohortId, s.Graph.Releases.Values.Reverse());
            return Resolve(s) == ReleaseResolver.Resolve(s.Device, shuffled, s.Overrides.AsEnumerable().Reverse(), s.Claims, GraphBuilder.Now)
                && Resolve(s) == Resolve(s);
        });

    private static Resolution Resolve(Scenario s) => ReleaseResolver.Resolve(s.Device, s.Graph, s.Overrides, s.Claims, GraphBuilder.Now);

    internal sealed record Scenario(CohortReleaseGraph Graph, DeviceState Device, PhaseClaims Claims, ActiveOverride[] Overrides)
    {
        public override string ToString() =>
            string.Join(" ", Graph.Releases.Values.OrderBy(r => r.CreatedAt).Select(r =>
                $"[{r.Id.ToString()[^2..]}→{r.NextId?.ToString()[^2..] ?? "·"}{(r.Required ? " req" : "")}{(r.Disabled ? " off" : "")}{(r.BundleDeliverable ? "" : " unsigned")}{(r.ScheduleDate > GraphBuilder.Now ? " later" : "")} {r.Phase.Mode}:{r.Phase.Value}]"))
            + $" device at {Device.ReportedReleaseId?.ToString()[^2..]}";
    }

    private static readonly Gen<Scenario> Scenarios =
        from count in Gen.Choose(1, 8)
        from nexts in Gen.ArrayOf(Gen.Choose(0, 7), count)
        from required in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false))), count)
        from disabled in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false))), count)
        from deliverable in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false))), count)
        from scheduledLater in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from phase in Gen.Elements(ReleasePhase.Everyone, ReleasePhase.Share(0m), ReleasePhase.Share(0.25m), ReleasePhase.Share(0.5m), ReleasePhase.Share(3m), ReleasePhase.ForTags("canary"))
        from reported in Gen.Choose(-1, count - 1)
        from claimed in Gen.Choose(0, 6)
        from mine in Gen.Elements(true, false)
        from canary in Gen.Elements(true, false)
        select Build(count, nexts, required, disabled, deliverable, scheduledLater, phase, reported, claimed, mine, canary);

    private static Scenario Build(
        int count, int[] nexts, bool[] required, bool[] disabled, bool[] deliverable, bool scheduledLater, ReleasePhase phase, int reported, int claimed, bool mine, bool canary)
    {
        // Node i points to a random later node, the last is the sink: an anti-arborescence with one sink and no cycles.
        var releases = Enumerable.Range(0, count).Select(i => new ReleaseNode(
            GraphBuilder.IdOf(i),
            GraphBuilder.BundleOf(i),
            i == count - 1 ? null : GraphBuilder.IdOf(i + 1 + (nexts[i] % (count - 1 - i))),
            required[i],
            disabled[i],
            i == count - 1 && scheduledLater ? GraphBuilder.Now.AddDays(1) : null,
            i == count - 1 ? phase : ReleasePhase.Everyone,
            SemanticVersion.Create(1, i, 0),
            null,
            deliverable[i],
            GraphBuilder.Now.AddDays(i - 100))).ToList();
        var sink = GraphBuilder.IdOf(count - 1);
        var claims = new PhaseClaims(mine ? new HashSet<Guid> { sink } : [], new Dictionary<Guid, int> { [sink] = claimed }, CohortDevices: 8);
        var device = GraphBuilder.Device(reported < 0 ? null : GraphBuilder.IdOf(reported), tags: canary ? ["canary"] : []);
        return new Scenario(new CohortReleaseGraph(GraphBuilder.Cohort, releases), device, claims, []);
    }
}
