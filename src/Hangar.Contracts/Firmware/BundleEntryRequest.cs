using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>A binary in a new bundle, optionally with metadata that replaces the inherited metadata for this bundle.</summary>
public sealed record BundleEntryRequest(string Binary, JsonElement? CustomMetadata = null);
