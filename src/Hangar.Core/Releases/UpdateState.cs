namespace Hangar.Core.Releases;

/// <summary>Where one device is with one offered update (a release or a bundle override).</summary>
public enum UpdateState
{
    /// <summary>The update check answered this update; the device has not reported on it yet.</summary>
    Offered,
    Downloading,
    Downloaded,
    Installing,

    /// <summary>Installed and awaiting the reboot into the new software (the trial boot).</summary>
    Installed,

    /// <summary>The device booted the new software, passed its health check and made it permanent. The only success.</summary>
    Committed,
    Failed,
    RolledBack,

    /// <summary>
    /// Stopped before installing began: the server halted or rolled back the release (or the device stopped on its
    /// own, e.g. its override ended). Final; a new attempt may start at downloading, like after a failure.
    /// </summary>
    Aborted,
}
