using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>A binary in a new bundle, optionally with metadata whose top-level keys override the inherited ones for this bundle.</summary>
/// <param name="Binary">The binary's id or resource name; it must be signed.</param>
/// <param name="CustomMetadata">A JSON object of at most 1,000,000 bytes, or null.</param>
public sealed record BundleEntryRequest(string Binary, JsonElement? CustomMetadata = null);
