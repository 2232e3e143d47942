using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Releases;
using Hangar.Core.Versions;

namespace Hangar.Core.Tests.Releases;

/// <summary>
/// The rule that a device running a release's bundle is on that release, over random cohort graphs with rollback
/// releases (required, shipping an earlier release's bundle), disabled, undeliverable, scheduled and phased releases,
/// and devices that took a release, never took it, or went back to an earlier bundle themselves.
/// </summary>
public sealed class RollbackResolutionProperties
{
    [Property(MaxTest = 1000)]
    public Property NeverOffers_TheBundleTheDeviceRuns() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
            Resolve(s) is not Resolution.FromRelease offered || offered.BundleId != s.Device.ReportedBundleId);

    /// <summary>
    /// Stated without the resolver's walk: from the device's release, every release up to the first required one whose
    /// bundle the device does not run is reachable without installing anything; the device is on the furthest of them
    /// shipping its bundle, and is owed an offer whenever one after that is eligible.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property NeverStrands_ADeviceWithAnEligibleReleaseAhead() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var ahead = Ahead(s);
            var owed = ahead.Any(r => r.BundleId != s.Device.ReportedBundleId && Eligible(r, s));
            return Resolve(s) switch
            {
                Resolution.FromRelease offered => ahead.Any(r => r.Id == offered.ReleaseId) && Eligible(s.Graph.Releases[offered.ReleaseId], s),
                _ => !owed,
            };
        });

    [Property(MaxTest = 500)]
    public Property ADeviceOnTheReleaseItIsPlacedOn_GetsTheSameAnswer() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            // Recording the device on the release it was found on (what the update check does) changes nothing.
            if (ReleaseResolver.ReleaseOf(s.Device, s.Graph) is not { } on)
            {
                return true;
            }

            var placed = s.Device with { ReportedReleaseId = on.Id };
            return (ReleaseResolver.Resolve(placed, s.Graph, [], s.Claims, GraphBuilder.Now), Resolve(s)) switch
            {
                (Resolution.NoUpdate, Resolution.NoUpdate) => true, // the reason may word the same place differently
                var (again, first) => again == first,
            };
        });

    private static Resolution Resolve(Scenario s) => ReleaseResolver.Resolve(s.Device, s.Graph, [], s.Claims, GraphBuilder.Now);

    private static List<ReleaseNode> Ahead(Scenario s)
    {
        var reachable = new List<ReleaseNode>();
        var node = s.Graph.Next(s.Graph.Releases[s.Device.ReportedReleaseId!.Value]);
        while (node is not null && reachable.All(r => r.Id != node.Id))
        {
            reachable.Add(node);
            if (node.Required && node.BundleId != s.Device.ReportedBundleId)
            {
                break;
            }

            node = s.Graph.Next(node);
        }

        var on = reachable.FindLastIndex(r => r.BundleId == s.Device.ReportedBundleId);
        return reachable[(on + 1)..];
    }

    private static bool Eligible(ReleaseNode release, Scenario s) =>
        !release.Disabled && release.BundleDeliverable && !(release.ScheduleDate > GraphBuilder.Now) && release.Phase switch
        {
            { IsPhased: false } => true,
            { Mode: PhaseMode.Tags } phase => phase.Tags.Overlaps(s.Device.Tags),
            var phase => s.Claims.ClaimedByDevice.Contains(release.Id) || s.Claims.CountFor(release.Id) < phase.Capacity(s.Claims.CohortDevices),
        };

    internal sealed record Scenario(CohortReleaseGraph Graph, DeviceState Device, PhaseClaims Claims)
    {
        public override string ToString() =>
            string.Join(" ", Graph.Releases.Values.OrderBy(r => r.CreatedAt).Select(r =>
                $"[{Short(r.Id)}→{(r.NextId is { } next ? Short(next) : "·")} b{Short(r.BundleId)}{(r.Required ? " req" : "")}{(r.Disabled ? " off" : "")}{(r.BundleDeliverable ? "" : " unsigned")}{(r.ScheduleDate > GraphBuilder.Now ? " later" : "")} {r.Phase.Mode}:{r.Phase.Value}]"))
            + $" device at {Short(Device.ReportedReleaseId!.Value)} running b{(Device.ReportedBundleId is { } b ? Short(b) : "-")}";

        private static string Short(Guid id) => id.ToString()[^2..];
    }

    private static readonly Gen<Scenario> Scenarios =
        from count in Gen.Choose(2, 9)
        from nexts in Gen.ArrayOf(Gen.Choose(0, 8), count)
        from rollbackOf in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 8))), count)
        from required in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false))), count)
        from disabled in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false))), count)
        from deliverable in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false))), count)
        from scheduledLater in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from phase in Gen.Elements(ReleasePhase.Everyone, ReleasePhase.Everyone, ReleasePhase.Share(0m), ReleasePhase.Share(0.5m), ReleasePhase.ForTags("canary"))
        from reported in Gen.Choose(0, count - 1)
        from runs in Gen.Frequency((3, Gen.Constant(-1)), (2, Gen.Choose(0, 8)), (1, Gen.Constant(-2)))
        from canary in Gen.Elements(true, false)
        select Build(count, nexts, rollbackOf, required, disabled, deliverable, scheduledLater, phase, reported, runs, canary);

    /// <param name="rollbackOf">Per release, -1 for an ordinary release, else (modulo its index) the earlier release whose bundle it ships again, as a rollback release does (required).</param>
    /// <param name="runs">-1: the device runs its release's bundle; -2: a bundle of no release; else (modulo the count) another release's bundle, e.g. after rolling back by itself.</param>
    private static Scenario Build(
        int count, int[] nexts, int[] rollbackOf, bool[] required, bool[] disabled, bool[] deliverable, bool scheduledLater, ReleasePhase phase,
        int reported, int runs, bool canary)
    {
        var bundles = new Guid[count];
        var releases = new List<ReleaseNode>();
        for (var i = 0; i < count; i++)
        {
            var rollback = i > 0 && rollbackOf[i] >= 0;
            bundles[i] = rollback ? bundles[rollbackOf[i] % i] : GraphBuilder.BundleOf(i);
            // Node i points to a random later node, the last is the sink: an anti-arborescence with one sink and no cycles.
            releases.Add(new ReleaseNode(
                GraphBuilder.IdOf(i),
                bundles[i],
                i == count - 1 ? null : GraphBuilder.IdOf(i + 1 + (nexts[i] % (count - 1 - i))),
                rollback || required[i],
                disabled[i],
                i == count - 1 && scheduledLater ? GraphBuilder.Now.AddDays(1) : null,
                i == count - 1 ? phase : ReleasePhase.Everyone,
                rollback ? null : SemanticVersion.Create(1, i, 0),
                null,
                deliverable[i],
                GraphBuilder.Now.AddDays(i - 100)));
        }

        var sink = GraphBuilder.IdOf(count - 1);
        var claims = new PhaseClaims(new HashSet<Guid>(), new Dictionary<Guid, int> { [sink] = 1 }, CohortDevices: 4);
        var bundle = runs switch { -1 => bundles[reported], -2 => GraphBuilder.BundleOf(99), _ => bundles[runs % count] };
        var device = GraphBuilder.Device(GraphBuilder.IdOf(reported), bundle, tags: canary ? ["canary"] : []);
        return new Scenario(new CohortReleaseGraph(GraphBuilder.Cohort, releases), device, claims);
    }
}
