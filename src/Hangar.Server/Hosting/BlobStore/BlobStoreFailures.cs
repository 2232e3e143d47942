using System.Diagnostics.Metrics;

namespace Hangar.Server.Hosting.BlobStore;

/// <summary>
/// Meter <c>Hangar.BlobStore</c>: blob-store operations that threw (a disk that went read-only, a directory that
/// vanished, an object store that refused), by operation. The last failure is kept for <c>/healthz</c>, which reports
/// the store degraded for a while after one: free space alone says nothing about a store that cannot write.
/// </summary>
internal sealed class BlobStoreFailures
{
    public const string MeterName = "Hangar.BlobStore";

    private readonly Counter<long> _failures;
    private readonly TimeProvider _time;
    private LastFailure? _last;

    public BlobStoreFailures(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(MeterName);
        _failures = meter.CreateCounter<long>("hangar.blob_store.failures", "{operation}",
            "Blob-store operations that failed with an error (not a refused upload), by operation.");
    }

    /// <summary>The latest failure, or null when none happened since start.</summary>
    public LastFailure? Last => Volatile.Read(ref _last);

    public void Failed(string operation)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("operation", operation));
        Volatile.Write(ref _last, new LastFailure(operation, _time.GetUtcNow()));
    }

    public sealed record LastFailure(string Operation, DateTimeOffset At);
}
