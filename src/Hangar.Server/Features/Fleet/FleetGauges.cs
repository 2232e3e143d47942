using System.Diagnostics.Metrics;

namespace Hangar.Server.Features.Fleet;

/// <summary>
/// Meter <c>Hangar.Fleet</c>: gauges read from the last <see cref="FleetSnapshot"/>. Observing them (a scrape, an
/// OTLP export) reads memory only; <see cref="FleetSnapshotRefresher"/> replaces the snapshot on an interval.
/// </summary>
internal sealed class FleetGauges
{
    public const string MeterName = "Hangar.Fleet";

    private volatile FleetSnapshot _snapshot = FleetSnapshot.Empty;
    private long _refreshedAtUnixSeconds;
    private readonly Lock _publishing = new();
    private long _passesBegun;
    private long _publishedPass;

    public FleetGauges(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("hangar.fleet.devices", ObserveDevices, "{device}",
            "Devices by organization, product, cohort and state (never_connected, seen_24h, silent_24h, quarantined).");
        meter.CreateObservableGauge("hangar.fleet.release.devices", ObserveReleaseDevices, "{device}",
            "Devices by the release they report running (top releases; the rest as other, none without a release).");
        meter.CreateObservableGauge("hangar.fleet.release.updates", ObserveReleaseOutcomes, "{update}",
            "Device updates by release and outcome (committed, failed, rolled_back, aborted, in_progress).");
        meter.CreateObservableGauge("hangar.fleet.snapshot.time", () => Interlocked.Read(ref _refreshedAtUnixSeconds), "s",
            "When the fleet gauges were last computed (Unix time); 0 before the first refresh.");
    }

    public FleetSnapshot Current => _snapshot;

    /// <summary>Numbers a refresh before its query runs, so that <see cref="Publish"/> can tell which pass saw the newer fleet.</summary>
    public long BeginPass() => Interlocked.Increment(ref _passesBegun);

    /// <summary>
    /// Publishes a pass's snapshot unless a pass begun later has published already: the periodic refresh and one asked
    /// for (a test, say) can overlap, and the slower query, begun earlier, must not put back an older fleet.
    /// </summary>
    public void Publish(long pass, FleetSnapshot snapshot, DateTimeOffset at)
    {
        lock (_publishing)
        {
            if (pass < _publishedPass)
            {
                return;
            }

            _publishedPass = pass;
            _snapshot = snapshot;
            Interlocked.Exchange(ref _refreshedAtUnixSeconds, at.ToUnixTimeSeconds());
        }
    }

    private IEnumerable<Measurement<long>> ObserveDevices() =>
        _snapshot.Devices.Select(d => new Measurement<long>(d.Count,
            Tag("organization", d.Organization), Tag("product", d.Product), Tag("cohort", d.Cohort), Tag("state", d.State)));

    private IEnumerable<Measurement<long>> ObserveReleaseDevices() =>
        _snapshot.ReleaseDevices.Select(r => new Measurement<long>(r.Count,
            Tag("organization", r.Release.Organization), Tag("cohort", r.Release.Cohort), Tag("release", r.Release.Release)));

    private IEnumerable<Measurement<long>> ObserveReleaseOutcomes() =>
        _snapshot.ReleaseOutcomes.Select(o => new Measurement<long>(o.Count,
            Tag("organization", o.Release.Organization), Tag("cohort", o.Release.Cohort), Tag("release", o.Release.Release), Tag("outcome", o.Outcome)));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
