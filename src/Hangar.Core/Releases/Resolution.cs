namespace Hangar.Core.Releases;

/// <summary>The answer to an update check.</summary>
public abstract record Resolution
{
    /// <summary>Nothing to install; <see cref="Reason"/> says why, for operators debugging a rollout.</summary>
    public sealed record NoUpdate(string Reason) : Resolution;

    public sealed record Quarantined : Resolution;

    public sealed record FromOverride(Guid OverrideId, Guid BundleId) : Resolution;

    /// <summary>
    /// Install <paramref name="ReleaseId"/>. When <paramref name="ClaimsPhaseSlot"/> is set the release is phased and
    /// this device has no claim yet: the caller must persist one (atomically against the phase's capacity) before
    /// answering, and resolve again if the last slot was taken meanwhile.
    /// </summary>
    public sealed record FromRelease(Guid ReleaseId, Guid BundleId, bool ClaimsPhaseSlot) : Resolution;
}
