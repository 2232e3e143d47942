namespace Hangar.Data.Queries;

/// <summary>A bundle override naming the device, as the update check needs it.</summary>
public sealed record OverrideFacts(Guid Id, string Name, Guid BundleId, DateTime StartsAt, DateTime? EndsAt);
