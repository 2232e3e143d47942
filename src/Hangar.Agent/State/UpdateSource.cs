namespace Hangar.Agent.State;

/// <summary>
/// What an update came from, as the server named it in the update check: status reports name it back, and once the
/// update is committed it becomes what the device reports running.
/// </summary>
/// <param name="Id">The release id, or the bundle override id.</param>
/// <param name="ReleaseVersion">The release's semantic version, when it has one.</param>
public sealed record UpdateSource(UpdateSourceKind Kind, string Id, string BundleId, string? ReleaseVersion)
{
    /// <summary>What the device reports after committing this update: an override's bundle is reported without a release.</summary>
    public RunningSoftware Running => Kind == UpdateSourceKind.Release
        ? new RunningSoftware(Id, BundleId, ReleaseVersion)
        : new RunningSoftware(null, BundleId, null);
}
