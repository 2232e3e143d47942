namespace Hangar.Agent.State;

/// <summary>
/// The last update that failed or was rolled back. The same update (source and bundle) is tried again only after a
/// backoff that doubles with each attempt, so a broken release does not make the device download and reboot forever.
/// </summary>
public sealed record FailedUpdate(string SourceId, string BundleId, int Attempts, DateTimeOffset FailedAt)
{
    public bool Names(UpdateSource update) => SourceId == update.Id && BundleId == update.BundleId;
}
