using Hangar.Core.Firmware;
using Hangar.Core.Releases;
using Hangar.Core.Versions;
using Hangar.Data;
using Hangar.Data.Queries;
using Hangar.Data.Releases;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// One update check: read the device (one query), take its cohort's graph from the cache, resolve, and, when the
/// check counts (<c>write</c>), record what the device reports, persist a phase claim and record a first offer. An
/// unchanged device checking for an unchanged answer writes nothing.
/// </summary>
internal sealed class UpdateCheck(
    HangarDbContext db,
    TenantContext tenant,
    DeviceSnapshotLookup snapshots,
    EventRecorder events,
    ReleaseGraphCache graphs,
    UpdateManifestCache manifests,
    UpdateDownloadUrls urls,
    TimeProvider time,
    IHttpContextAccessor http,
    IOptions<UpdatesOptions> options)
{
    // A claim refused because the phase filled meanwhile is retried once with the phase known full; more is paranoia.
    private const int MaxClaimAttempts = 3;
    private static readonly Dictionary<Guid, int> NoClaimCounts = [];

    /// <summary>The offer for the device, or null when no such device exists in the caller's organization.</summary>
    public async Task<UpdateOffer?> RunAsync(Guid deviceId, ReportedState reported, bool write, DownloadLinks links, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var organizationId = tenant.OrganizationId ?? throw new InvalidOperationException("An update check needs the caller's organization.");
        using var span = UpdateTracing.Source.StartForRequest(UpdateTracing.CheckSpan, http.HttpContext);
        span?.SetTag(RequestSpans.OrganizationIdTag, organizationId.ToString()).SetTag(RequestSpans.DeviceIdTag, deviceId.ToString()).SetTag("hangar.update.counts", write);
        var device = await snapshots.LoadAsync(db, organizationId, deviceId, now.UtcDateTime, cancellationToken);
        if (device is null)
        {
            return null;
        }

        // The reported values are the device's whole state; with none given, the recorded state stands in.
        var state = reported.IsEmpty
            ? new ReportedState(device.ReportedReleaseId, device.ReportedBundleId, SemanticVersion.TryParse(device.ReportedReleaseVersion, out var recorded) ? recorded : null)
            : reported;
        var graph = device is { CohortId: { } cohortId, GraphStamp: { } stamp } ? await graphs.GetAsync(db, cohortId, stamp, cancellationToken) : null;
        if (write && !reported.IsEmpty)
        {
            await ReportedStateRecorder.RecordAsync(db, events, device, OnItsRelease(reported, device, graph), cancellationToken);
        }

        var resolution = await ResolveAsync(device, state, graph, write, now.UtcDateTime, cancellationToken);
        var offer = await OfferAsync(device, resolution, graph, write, links, now, cancellationToken);
        span?.SetTag("hangar.update.decision", offer.Decision.ToString()).SetTag("hangar.update.reason", offer.Reason);
        return offer;
    }

    /// <summary>
    /// The report with the release the device is on by the bundle it runs (docs/concepts/releases.md), when that is
    /// another release of its cohort than the one it names: a device that never took a rolled-back release is recorded
    /// on the rollback release, which ships its bundle. A release id the cohort does not know stays as reported.
    /// </summary>
    private static ReportedState OnItsRelease(ReportedState reported, DeviceSnapshot device, CachedReleaseGraph? graph)
    {
        if (graph is null || reported.BundleId is null
            || (reported.ReleaseId is { } named && !graph.Graph.Releases.ContainsKey(named)))
        {
            return reported;
        }

        var state = new DeviceState(device.Id, device.Quarantined, device.CohortId, new HashSet<string>(), reported.ReleaseId, reported.BundleId, reported.Version);
        return ReleaseResolver.ReleaseOf(state, graph.Graph) is { } on && on.Id != reported.ReleaseId && on.BundleId == reported.BundleId
            ? reported with { ReleaseId = on.Id }
            : reported;
    }

    private async Task<Resolution> ResolveAsync(DeviceSnapshot device, ReportedState state, CachedReleaseGraph? graph, bool write, DateTime now, CancellationToken cancellationToken)
    {
        var deviceState = new DeviceState(device.Id, device.Quarantined, device.CohortId, device.Tags.ToHashSet(StringComparer.Ordinal),
            state.ReleaseId, state.BundleId, state.Version)
        {
            Target = device.Target,
        };
        var overrides = device.Overrides.Select(o => new ActiveOverride(o.Id, o.BundleId, o.StartsAt, o.EndsAt)).ToList();
        var claimed = device.ClaimedReleases.ToHashSet();
        // Only a device that might take a fractional phase needs the cohort's size: one indexed count, then.
        var cohortDevices = graph?.FractionalPhase is { } fractional && !claimed.Contains(fractional.Id)
            ? await db.Devices.CountAsync(d => d.CohortId == device.CohortId, cancellationToken)
            : 0;

        for (var attempt = 1; ; attempt++)
        {
            // Only a graph with a numeric phase needs the counts: the usual check copies nothing.
            var claims = new PhaseClaims(claimed, graph is { HasNumericPhase: true } ? graph.ClaimCounts() : NoClaimCounts, cohortDevices);
            var resolution = ReleaseResolver.Resolve(deviceState, graph?.Graph, overrides, claims, now);
            if (resolution is not Resolution.FromRelease { ClaimsPhaseSlot: true } offer || !write || graph is null)
            {
                return resolution;
            }

            if (attempt == MaxClaimAttempts)
            {
                return new Resolution.NoUpdate("the phased release has no free place in its rollout");
            }

            var capacity = graph.Graph.Releases[offer.ReleaseId].Phase.Capacity(cohortDevices);
            if (await PhaseClaimer.TryClaimAsync(db, events, device, graph.Facts[offer.ReleaseId], capacity, now, cancellationToken))
            {
                graph.RaiseClaimCount(offer.ReleaseId, claims.CountFor(offer.ReleaseId) + 1);
                return resolution;
            }

            graph.RaiseClaimCount(offer.ReleaseId, (int)Math.Min(capacity, int.MaxValue));
        }
    }

    private async Task<UpdateOffer> OfferAsync(
        DeviceSnapshot device, Resolution resolution, CachedReleaseGraph? graph, bool write, DownloadLinks links, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (resolution)
        {
            case Resolution.Quarantined:
                return UpdateOffers.Quarantined(device.OrganizationId);
            case Resolution.NoUpdate none:
                return UpdateOffers.NoUpdate(device.OrganizationId, none.Reason);
        }

        var (offer, bundleId) = resolution switch
        {
            Resolution.FromRelease r => (new OfferKey(r.ReleaseId, null), r.BundleId),
            Resolution.FromOverride o => (new OfferKey(null, o.OverrideId), o.BundleId),
            _ => throw new InvalidOperationException($"unexpected resolution {resolution}"),
        };
        var manifest = await manifests.GetAsync(db, bundleId, cancellationToken);
        if (manifest is not { Deliverable: true })
        {
            return UpdateOffers.NoUpdate(device.OrganizationId, "the bundle to install has a binary that is no longer signed (destroyed, or its signing keys revoked)");
        }

        // The resolver steps over releases that cannot serve the device's target; this catches an override's bundle.
        if (!BinaryTargets.Serves(manifest.Targets, device.Target))
        {
            return UpdateOffers.NoUpdate(device.OrganizationId, $"the bundle to install has no binary for the device's target '{device.Target}'");
        }

        var release = offer.ReleaseId is { } releaseId ? graph!.Facts[releaseId] : null;
        if (write)
        {
            await OfferRecorder.RecordAsync(db, events, device, offer, bundleId, release, now.UtcDateTime, cancellationToken);
        }

        var expiresAt = UpdateOffers.UrlExpiry(now, options.Value);
        return release is not null
            ? UpdateOffers.FromRelease(release, manifest, urls, links, expiresAt)
            : UpdateOffers.FromOverride(device.Overrides.Single(o => o.Id == offer.BundleOverrideId), device.OrganizationId, manifest, urls, links, expiresAt);
    }
}
