using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>
/// One binary of a bundle, at its 0-based <see cref="Position"/>. <see cref="CustomMetadata"/> is the effective metadata
/// frozen when the bundle was created: artifact, then artifact version, then binary, then the bundle entry's own
/// metadata, merged key by key at the top level (later wins); <c>{}</c> when none has any.
/// <see cref="State"/> is the binary's current state: a destroyed binary makes the bundle undeliverable.
/// </summary>
public sealed record BundleEntryResponse(
    int Position,
    Guid BinaryId,
    string BinaryHrn,
    Guid ArtifactId,
    Guid ArtifactVersionId,
    string Target,
    string Sha256,
    long Size,
    string State,
    JsonElement CustomMetadata);
