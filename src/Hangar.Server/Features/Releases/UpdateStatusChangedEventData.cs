namespace Hangar.Server.Features.Releases;

/// <summary>A device's update moved from one state to another (<c>update.status_changed</c>, one per transition).</summary>
internal sealed record UpdateStatusChangedEventData(
    string Identifier,
    Guid DeviceUpdateId,
    Guid? ReleaseId,
    Guid? BundleOverrideId,
    Guid BundleId,
    string From,
    string To,
    int Attempt,
    string? Reason);
