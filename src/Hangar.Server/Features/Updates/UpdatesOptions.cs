using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Updates;

/// <summary>Section <c>Updates</c>: the update check's download URLs and caches.</summary>
internal sealed class UpdatesOptions
{
    public const string Section = "Updates";

    /// <summary>
    /// How long the download URLs in an update answer stay valid at least. A download in flight is not cut at expiry,
    /// and a device whose URL expired (or was refused) checks again for fresh URLs and resumes where it stopped, so this
    /// only has to cover starting the download; short, because the URLs are bound to the device but a leaked one still
    /// names the binary until it expires.
    /// </summary>
    [Range(600, 7 * 24 * 3600)]
    public int DownloadUrlLifetimeSeconds { get; set; } = 3600;

    /// <summary>
    /// URL expiries are rounded up to this step, so answers (and their ETags) stay identical between checks in one
    /// step and an unchanged answer costs a 304; URLs then live between the lifetime and the lifetime plus one step.
    /// </summary>
    [Range(1, 24 * 3600)]
    public int DownloadUrlStepSeconds { get; set; } = 3600;

    /// <summary>
    /// How long a bundle's manifest (binaries, metadata, signatures) is cached. Bundles are immutable; the cache only
    /// delays seeing a signature added later, or a binary destroyed under a bundle override (a destroyed binary
    /// under a release changes the release graph stamp and is seen on the next check).
    /// </summary>
    [Range(0, 3600)]
    public int ManifestCacheSeconds { get; set; } = 30;

    /// <summary>
    /// On PostgreSQL, the connections the update check's device query shares (multiplexed). Each connection is one
    /// database backend, so this caps the database cores that update checks can keep busy; fewer connections carry
    /// bigger batches, which costs the database and the server less per check (2 to 4 measured best on a 2-core
    /// machine). Raise it with the cores the database gives to update checks.
    /// </summary>
    [Range(1, 100)]
    public int PostgresConnections { get; set; } = 4;
}
