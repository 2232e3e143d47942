namespace Hangar.Contracts.Releases;

/// <summary>Changes a bundle override; absent (null) fields stay as they are. '' clears <see cref="Description"/>.</summary>
/// <param name="Name">1–128 characters, unique in the organization.</param>
/// <param name="Description">Up to 256 characters; '' clears it.</param>
/// <param name="Bundle">Id or resource name of a bundle whose binaries are all signed.</param>
/// <param name="StartsAt">When the override becomes active (UTC).</param>
/// <param name="EndsAt">When it stops (UTC, after the start).</param>
/// <param name="ClearEndsAt">True makes the override open-ended.</param>
/// <param name="AllowMissingTargets">With a new bundle: accept one that has binaries for some but not all of the hardware targets of the override's devices.</param>
public sealed record UpdateBundleOverrideRequest(
    string? Name = null,
    string? Description = null,
    string? Bundle = null,
    DateTime? StartsAt = null,
    DateTime? EndsAt = null,
    bool? ClearEndsAt = null,
    bool AllowMissingTargets = false);
