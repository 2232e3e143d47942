namespace Hangar.Server.Features.Updates;

/// <summary>A bundle override naming the device, as the update check needs it.</summary>
internal sealed record OverrideFacts(Guid Id, string Name, Guid BundleId, DateTime StartsAt, DateTime? EndsAt);
