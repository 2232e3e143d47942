namespace Hangar.Agent.State;

/// <summary>
/// The last update that failed, was rolled back or whose install a restart interrupted. The same update (source and
/// bundle) is tried again only after a backoff that doubles with each attempt, so a broken release does not make the
/// device download and reboot forever.
/// </summary>
/// <param name="Interrupted">
/// The last attempt was cut short by a restart. A power cut is no fault of the update, so the first interruption is
/// retried at once; repeated ones back off like failures, so an installer that takes the device down cannot loop.
/// </param>
public sealed record FailedUpdate(string SourceId, string BundleId, int Attempts, DateTimeOffset FailedAt, bool Interrupted = false)
{
    public bool Names(UpdateSource update) => SourceId == update.Id && BundleId == update.BundleId;

    /// <summary>When the update may be tried again, given the backoff after <c>n</c> counted attempts.</summary>
    public DateTimeOffset RetryAt(Func<int, TimeSpan> backoff)
    {
        var counted = Interrupted ? Attempts - 1 : Attempts;
        return counted == 0 ? FailedAt : FailedAt + backoff(counted);
    }
}
