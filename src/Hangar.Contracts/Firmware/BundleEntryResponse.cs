using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>One binary of a bundle with its effective metadata (bundle entry, else binary, else version, else artifact).</summary>
public sealed record BundleEntryResponse(Guid BinaryId, string Target, string Sha256, long Size, JsonElement? CustomMetadata);
