namespace Hangar.Data.Telemetry;

/// <summary>
/// The rollup upsert, the same on both providers but for its parameter markers: the buckets touched by points received
/// in a window are recomputed whole from the raw points, so a late point corrects its bucket instead of being added to
/// a sum that already counted the others. <c>last</c> is the value of the bucket's latest point (the highest id among
/// points at the same time: the one stored last).
/// </summary>
public static class RollupSql
{
    /// <param name="bucketMs">Marker of the bucket width (ms).</param>
    /// <param name="resolution">Marker of the resolution (seconds).</param>
    /// <param name="from">Marker of the window's start (received at, ms).</param>
    /// <param name="to">Marker of the window's end (received at, ms, excluded).</param>
    public static string Upsert(string bucketMs, string resolution, string from, string to) => $"""
        WITH touched AS (
            SELECT DISTINCT series_id, time - (time % {bucketMs}) AS bucket
            FROM telemetry_points
            WHERE received_at >= {from} AND received_at < {to})
        INSERT INTO telemetry_rollups (series_id, resolution, bucket, min, max, sum, count, last, last_time)
        SELECT t.series_id, {resolution}, t.bucket, MIN(p.value), MAX(p.value), SUM(p.value), COUNT(*),
            (SELECT l.value FROM telemetry_points l
             WHERE l.series_id = t.series_id AND l.time >= t.bucket AND l.time < t.bucket + {bucketMs}
             ORDER BY l.time DESC, l.id DESC LIMIT 1),
            MAX(p.time)
        FROM touched t
        JOIN telemetry_points p ON p.series_id = t.series_id AND p.time >= t.bucket AND p.time < t.bucket + {bucketMs}
        WHERE true
        GROUP BY t.series_id, t.bucket
        ON CONFLICT (series_id, resolution, bucket) DO UPDATE SET
            min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count,
            last = excluded.last, last_time = excluded.last_time
        """;

    /// <summary>Keeps the newer heartbeat of a device (a batch from a slow node must not overwrite a newer one).</summary>
    public static string HeartbeatUpsert(string device, string organization, string time, string receivedAt, string document) => $"""
        INSERT INTO device_heartbeats (device_id, organization_id, time, received_at, document)
        VALUES ({device}, {organization}, {time}, {receivedAt}, {document})
        ON CONFLICT (device_id) DO UPDATE SET
            time = excluded.time, received_at = excluded.received_at, document = excluded.document
        WHERE excluded.time >= device_heartbeats.time
        """;
}
