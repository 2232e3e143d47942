namespace Hangar.Contracts.Devices;

/// <summary>
/// Changes a device; absent (null) fields stay as they are. An empty string clears <see cref="CohortId"/>,
/// <see cref="Description"/> or <see cref="Target"/>; <see cref="Tags"/> replaces all tags.
/// </summary>
public sealed record UpdateDeviceRequest(
    string? Description = null,
    string? ProductId = null,
    string? CohortId = null,
    IReadOnlyList<string>? Tags = null,
    string? Target = null,
    bool? Quarantined = null);
