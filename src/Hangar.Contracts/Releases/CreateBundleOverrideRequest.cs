namespace Hangar.Contracts.Releases;

/// <summary>Creates a bundle override: its devices get <see cref="Bundle"/> ahead of their cohort's releases while it is active.</summary>
/// <param name="Name">1–128 characters, unique in the organization.</param>
/// <param name="Bundle">Id or resource name of a bundle whose binaries are all signed (none destroyed).</param>
/// <param name="StartsAt">When the override becomes active (UTC).</param>
/// <param name="EndsAt">When it stops being active (UTC, after <see cref="StartsAt"/>); null: never.</param>
/// <param name="Description">Up to 256 characters.</param>
public sealed record CreateBundleOverrideRequest(string Name, string Bundle, DateTime StartsAt, DateTime? EndsAt = null, string? Description = null);
