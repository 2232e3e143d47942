namespace Hangar.Core.Releases;

/// <summary>
/// Decides what a device should run, as a pure function of its state, its cohort's release graph, the bundle
/// overrides naming it, the phase claims and the time. The order of rules (docs/concepts/releases.md):
/// quarantine → newest active override → where the device is (reported release, else reported bundle, else
/// reported version against version requirements) → walk forward skipping releases that are not required, and
/// whenever the walk meets a release shipping the bundle the device runs, the device is on that release and walks on
/// from it → step back while the target is disabled, not deliverable, outside its version requirement, or not
/// available to this device yet (schedule, phase).
/// </summary>
public static class ReleaseResolver
{
    public static Resolution Resolve(
        DeviceState device,
        CohortReleaseGraph? graph,
        IEnumerable<ActiveOverride> overrides,
        PhaseClaims claims,
        DateTime now)
    {
        if (device.Quarantined)
        {
            return new Resolution.Quarantined();
        }

        var activeOverride = overrides.Where(o => o.IsActiveAt(now)).OrderByDescending(o => o.StartsAt).ThenByDescending(o => o.Id).FirstOrDefault();
        if (activeOverride is not null)
        {
            // While an override is active, releases are not considered at all.
            return activeOverride.BundleId == device.ReportedBundleId
                ? new Resolution.NoUpdate("the device runs its bundle override's bundle")
                : new Resolution.FromOverride(activeOverride.Id, activeOverride.BundleId);
        }

        if (device.CohortId is null || graph is null || graph.CohortId != device.CohortId)
        {
            return new Resolution.NoUpdate("the device is in no cohort");
        }

        var (_, path, reason) = Locate(device, graph);
        for (var i = path.Count - 1; i >= 0; i--)
        {
            // No release of the path ships the device's bundle (Locate moved the device past those), so each is a change.
            if (IsEligible(path[i], device, claims, now, out var claimsSlot))
            {
                return new Resolution.FromRelease(path[i].Id, path[i].BundleId, claimsSlot);
            }
        }

        return new Resolution.NoUpdate(path.Count == 0 ? reason : "no release ahead of the device is available to it yet");
    }

    /// <summary>
    /// The release of <paramref name="graph"/> the device is on: the release it reports, else the one its bundle
    /// places it at, moved on to the furthest release its walk meets that ships the bundle it runs. Null when only
    /// its version (or nothing usable) places it. The update check records this as the device's release.
    /// </summary>
    public static ReleaseNode? ReleaseOf(DeviceState device, CohortReleaseGraph graph) => Locate(device, graph).On;

    /// <summary>
    /// Where the device is and the walk ahead of it. A device running a release's bundle is on that release, whatever
    /// it reports and whether or not that release is a target: a device that never took a halted release (or rolled it
    /// back itself) runs the bundle of the rollback release after it, so it is on the rollback release and walks on to
    /// what follows instead of being offered its own bundle and stopping there.
    /// </summary>
    private static (ReleaseNode? On, List<ReleaseNode> Path, string Reason) Locate(DeviceState device, CohortReleaseGraph graph)
    {
        var (on, start, reason) = StartingPoint(device, graph);
        HashSet<Guid>? passed = null;
        while (start is not null)
        {
            var path = WalkForward(start, graph);
            var running = path.FindLastIndex(r => r.BundleId == device.ReportedBundleId);
            if (running < 0)
            {
                return (on, path, "");
            }

            on = path[running];
            if (!(passed ??= []).Add(on.Id))
            {
                // Only a cyclic graph (which the graph rules refuse) comes back to a release already passed.
                break;
            }

            start = graph.Next(on);
            reason = "the device runs the latest release's bundle";
        }

        return (on, [], reason);
    }

    /// <summary>
    /// The release the device is on (when its release or bundle says) and the first release it could move to, found
    /// from what it reports (release, bundle, version); without a start, why not.
    /// </summary>
    private static (ReleaseNode? On, ReleaseNode? Start, string Reason) StartingPoint(DeviceState device, CohortReleaseGraph graph)
    {
        if (device.ReportedReleaseId is { } releaseId && graph.Releases.TryGetValue(releaseId, out var current))
        {
            return (current, graph.Next(current), "the device runs the latest release");
        }

        if (device.ReportedBundleId is { } bundleId && graph.ByBundle.TryGetValue(bundleId, out var withBundle))
        {
            // Several releases may ship one bundle: the device is taken to be at the lowest version, else the oldest.
            var versioned = withBundle.Where(r => r.Version is not null).OrderBy(r => r.Version).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefault();
            var at = versioned ?? withBundle.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).First();
            return (at, graph.Next(at), "the device runs the latest release's bundle");
        }

        if (device.ReportedVersion is { } version)
        {
            var matching = graph.Releases.Values
                .Where(r => r.Version is not null && r.VersionRequirement is not null && r.VersionRequirement.IsSatisfiedBy(version))
                .OrderBy(r => r.Version).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .FirstOrDefault();
            return (null, matching, $"no release's version requirement admits version {version}");
        }

        return (null, null, "the device reported no release, bundle or version");
    }

    /// <summary>From <paramref name="start"/> along next edges up to the first required release or the latest.</summary>
    private static List<ReleaseNode> WalkForward(ReleaseNode start, CohortReleaseGraph graph)
    {
        var path = new List<ReleaseNode> { start };
        var seen = new HashSet<Guid> { start.Id };
        var candidate = start;
        while (!candidate.Required && graph.Next(candidate) is { } next && seen.Add(next.Id))
        {
            path.Add(next);
            candidate = next;
        }

        return path;
    }

    private static bool IsEligible(ReleaseNode release, DeviceState device, PhaseClaims claims, DateTime now, out bool claimsSlot)
    {
        claimsSlot = false;
        if (release.Disabled || !release.BundleDeliverable)
        {
            return false;
        }

        if (release.VersionRequirement is not null && device.ReportedVersion is not null && !release.VersionRequirement.IsSatisfiedBy(device.ReportedVersion))
        {
            return false;
        }

        if (release.ScheduleDate > now)
        {
            return false;
        }

        if (!release.Phase.IsPhased)
        {
            return true;
        }

        if (release.Phase.Mode == PhaseMode.Tags)
        {
            return release.Phase.Tags.Overlaps(device.Tags);
        }

        if (claims.ClaimedByDevice.Contains(release.Id))
        {
            return true;
        }

        claimsSlot = claims.CountFor(release.Id) < release.Phase.Capacity(claims.CohortDevices);
        return claimsSlot;
    }
}
