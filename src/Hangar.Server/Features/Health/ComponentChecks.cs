using Hangar.Contracts.Common;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Features.Webhooks;
using Hangar.Server.Hosting.BlobStore;
using Hangar.Server.Hosting.Tls;
using Hangar.Storage;

namespace Hangar.Server.Features.Health;

/// <summary>
/// What each <c>/healthz</c> component's findings mean. Only the database makes the node unhealthy: without it nothing
/// is served, while a full disk, a failing store, an expiring certificate or a backlog leave most requests working.
/// </summary>
internal static class ComponentChecks
{
    /// <summary>A blob-store failure this recent still degrades health: failures come with requests, not by themselves.</summary>
    public static readonly TimeSpan RecentFailure = TimeSpan.FromMinutes(5);

    /// <summary>A due webhook delivery waiting this long means the dispatcher is not keeping up (or not running).</summary>
    public static readonly TimeSpan WebhookLag = TimeSpan.FromMinutes(5);

    /// <summary>A telemetry queue this full is close to refusing batches.</summary>
    public const double TelemetryQueueNearlyFull = 0.8;

    public static HealthComponent Database(bool canWrite) => canWrite
        ? Healthy("database")
        : new("database", ComponentStatus.Unhealthy, "The database is unavailable: it refused or dropped the connection, or (SQLite) its write lock is held elsewhere.");

    public static HealthComponent BlobStore(BlobStoreHealth space, BlobStoreFailures.LastFailure? failure, DateTimeOffset now)
    {
        if (space == BlobStoreHealth.InsufficientStorage)
        {
            return new("blob_store", ComponentStatus.Degraded, "Less free space than BlobStorage:MinFreeBytes (or than a refused write needed): uploads are refused.");
        }

        return failure is { } last && now - last.At < RecentFailure
            ? new("blob_store", ComponentStatus.Degraded, $"The blob store failed a {last.Operation} operation {Ago(now - last.At)} ago; see the server log.")
            : Healthy("blob_store");
    }

    public static HealthComponent TlsCertificate(ServerCertificateStatus status) => status switch
    {
        ServerCertificateStatus.Expired => new("tls_certificate", ComponentStatus.Degraded, "The configured TLS certificate has expired."),
        ServerCertificateStatus.Expiring => new("tls_certificate", ComponentStatus.Degraded, "The configured TLS certificate expires within Tls:ExpiryWarningDays."),
        _ => Healthy("tls_certificate"),
    };

    public static HealthComponent Webhooks(WebhookBacklog.Snapshot backlog, DateTimeOffset now) =>
        backlog.OldestDueSince is { } since && now - since > WebhookLag
            ? new("webhooks", ComponentStatus.Degraded,
                $"{backlog.Pending} webhook deliveries pending; the oldest due one has waited {Ago(now - since)}.")
            : Healthy("webhooks");

    public static HealthComponent TelemetryQueue(TelemetryQueue queue) =>
        queue.Depth >= queue.Capacity * TelemetryQueueNearlyFull
            ? new("telemetry_queue", ComponentStatus.Degraded,
                $"The telemetry write queue holds {queue.Depth} of {queue.Capacity} points: batches are refused once it is full.")
            : Healthy("telemetry_queue");

    private static HealthComponent Healthy(string name) => new(name, ComponentStatus.Healthy);

    private static string Ago(TimeSpan span) => span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{Math.Max(0, (int)span.TotalSeconds)} s";
}
