namespace Hangar.Server.Features.Updates;

internal sealed record DeviceClaimedReleaseEventData(string Identifier, Guid ReleaseId, string ReleaseName, string? ReleaseVersion);
