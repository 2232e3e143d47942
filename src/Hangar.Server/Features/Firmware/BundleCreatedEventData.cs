namespace Hangar.Server.Features.Firmware;

/// <summary>The data of <c>bundle.created</c>: what identifies the bundle's content.</summary>
internal sealed record BundleCreatedEventData(string? Name, string Hash, IReadOnlyList<Guid> BinaryIds);
