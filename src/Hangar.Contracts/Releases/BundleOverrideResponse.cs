namespace Hangar.Contracts.Releases;

/// <summary>
/// A bundle override. <see cref="Active"/> says whether it is active now (<c>starts_at ≤ now &lt; ends_at</c>, or no
/// end); <see cref="DeviceCount"/> is how many devices it names.
/// </summary>
public sealed record BundleOverrideResponse(
    Guid Id,
    string Hrn,
    string Name,
    string? Description,
    Guid BundleId,
    DateTime StartsAt,
    DateTime? EndsAt,
    bool Active,
    int DeviceCount,
    DateTime CreatedAt,
    DateTime UpdatedAt);
