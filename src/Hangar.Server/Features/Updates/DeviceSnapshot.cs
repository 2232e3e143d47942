using System.Data.Common;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Everything an update check needs about one device, read in one query by primary key
/// (<see cref="DeviceSnapshotLookup"/>): its record, tags, its cohort's graph stamp, the overrides naming it that
/// have not ended, its phase claims, the updates it was offered and its hardware target.
/// </summary>
internal sealed record DeviceSnapshot(
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

    /// <summary>The overrides naming the device that have not ended, filled in by <see cref="DeviceSnapshotLookup"/>.</summary>
    public List<OverrideFacts> Overrides { get; } = [];

    /// <summary>Reads the row of <see cref="DeviceSnapshotLookup"/>'s query, columns in its order.</summary>
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
