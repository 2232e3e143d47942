namespace Hangar.Data.Telemetry;

/// <summary>
/// The telemetry write path's statements, per provider (Hangar.Data.Sqlite, Hangar.Data.Postgres): bulk inserts
/// that EF Core cannot do at the rate devices send, and the rollup, an upsert computed in the database.
/// </summary>
public interface ITelemetryStatements
{
    /// <summary>
    /// Stores <paramref name="points"/> (stamped <paramref name="receivedAt"/>, Unix ms) and keeps the newest of
    /// <paramref name="heartbeats"/> per device, in one transaction.
    /// </summary>
    Task WriteAsync(IReadOnlyList<TelemetryPointRow> points, IReadOnlyList<HeartbeatRow> heartbeats, long receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Recomputes, from the raw points, every bucket of <paramref name="resolutionSeconds"/> that received a point in
    /// [<paramref name="receivedFrom"/>, <paramref name="receivedTo"/>) (Unix ms); returns the buckets written.
    /// </summary>
    Task<int> RollUpAsync(int resolutionSeconds, long receivedFrom, long receivedTo, CancellationToken cancellationToken);
}
