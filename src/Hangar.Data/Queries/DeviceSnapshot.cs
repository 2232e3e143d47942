using System.Data.Common;
using Hangar.Data.Releases;

namespace Hangar.Data.Queries;

/// <summary>
/// Everything an update check needs about one device, read in one query by primary key
/// (<see cref="IProviderQueries.FindDeviceSnapshotAsync"/>, in SQL from <see cref="Sql"/>): its record, tags, its
/// cohort's graph stamp, the overrides naming it that have not ended, its phase claims, the updates it was offered
/// and its hardware target.
/// </summary>
public sealed record DeviceSnapshot(
    Guid Id,
    Guid OrganizationId,
    string Identifier,
    bool Quarantined,
    Guid? CohortId,
    Guid? ReportedReleaseId,
    Guid? ReportedBundleId,
    string? ReportedReleaseVersion,
    List<string> Tags,
    Guid? GraphStamp,
    List<Guid> OverrideIds,
    List<Guid> ClaimedReleases,
    List<OfferKey> Offers,
    string? Target)
{
    /// <summary>Joins each collection of the row into one column (tags hold no control characters).</summary>
    public const char Separator = '\n';

    /// <summary>Prefixes a release's id in the offers column (offers of releases and of overrides share it: one index probe).</summary>
    public const char ReleaseOffer = 'r';

    /// <summary>Prefixes a bundle override's id in the offers column.</summary>
    public const char OverrideOffer = 'o';

    /// <summary>The overrides naming the device that have not ended, filled in by the update check (a second query, when <see cref="OverrideIds"/> has any).</summary>
    public List<OverrideFacts> Overrides { get; } = [];

    /// <summary>
    /// The query in a provider's dialect: <paramref name="joined"/> aggregates a column's values into one string joined
    /// by <see cref="Separator"/>; <paramref name="device"/> and <paramref name="organization"/> are the parameters.
    /// </summary>
    /// <remarks>
    /// Every part is an indexed lookup by device id: nothing here grows with the fleet. The organization is an explicit
    /// predicate on the device row only: raw SQL gets no tenant filter, and an <c>organization_id</c> predicate on the
    /// other parts leads SQLite (which keeps no statistics) to scan the organization's index instead of the per-device one.
    /// </remarks>
    public static string Sql(Func<string, string> joined, string device, string organization) => $"""
        SELECT d.id, d.organization_id, d.identifier, d.quarantined, d.cohort_id,
            d.reported_release_id, d.reported_bundle_id, d.reported_release_version,
            (SELECT {joined("t.value")} FROM device_tags AS t WHERE t.device_id = d.id),
            c.release_graph_stamp,
            (SELECT {joined("m.bundle_override_id")} FROM bundle_override_devices AS m WHERE m.device_id = d.id),
            (SELECT {joined("p.release_id")} FROM phase_claims AS p WHERE p.device_id = d.id),
            (SELECT {joined($"coalesce('{ReleaseOffer}' || u.release_id, '{OverrideOffer}' || u.bundle_override_id)")}
                FROM device_updates AS u WHERE u.device_id = d.id),
            d.target
        FROM devices AS d LEFT JOIN cohorts AS c ON c.id = d.cohort_id
        WHERE d.id = {device} AND d.organization_id = {organization}
        """;

    /// <summary>Reads a row of <see cref="Sql"/>, columns in its order.</summary>
    public static DeviceSnapshot Read(DbDataReader row) => new(
        row.GetGuid(0),
        row.GetGuid(1),
        row.GetString(2),
        row.GetBoolean(3),
        NullableGuid(row, 4),
        NullableGuid(row, 5),
        NullableGuid(row, 6),
        row.IsDBNull(7) ? null : row.GetString(7),
        [.. Split(row, 8)],
        NullableGuid(row, 9),
        [.. Split(row, 10).Select(Guid.Parse)],
        [.. Split(row, 11).Select(Guid.Parse)],
        [.. Split(row, 12).Select(Offer)],
        row.IsDBNull(13) ? null : row.GetString(13));

    private static OfferKey Offer(string prefixed)
    {
        var id = Guid.Parse(prefixed.AsSpan(1));
        return prefixed[0] == ReleaseOffer ? new OfferKey(id, null) : new OfferKey(null, id);
    }

    private static Guid? NullableGuid(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetGuid(column);

    private static string[] Split(DbDataReader row, int column) =>
        row.IsDBNull(column) ? [] : row.GetString(column).Split(Separator, StringSplitOptions.RemoveEmptyEntries);
}
