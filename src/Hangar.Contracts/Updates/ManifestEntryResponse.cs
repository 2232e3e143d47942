using System.Text.Json;

namespace Hangar.Contracts.Updates;

/// <summary>
/// One binary of the bundle to install: what it is, how to check it (size, SHA-256, ed25519 signatures over the raw
/// 32-byte digest) and where to fetch it. <see cref="Url"/> needs no other credentials and supports <c>Range</c>, so a
/// download can resume until <c>urls_expire_at</c>; <see cref="DevicePath"/> is the same download on the device
/// listener, for clients that build URLs from their configured server address.
/// <see cref="CustomMetadata"/> drives the agent's installers (<c>hangar.installer</c> and its options).
/// </summary>
public sealed record ManifestEntryResponse(
    int Position,
    Guid BinaryId,
    string BinaryHrn,
    ManifestArtifact Artifact,
    ManifestArtifactVersion ArtifactVersion,
    string Target,
    long Size,
    string Sha256,
    JsonElement CustomMetadata,
    IReadOnlyList<ManifestSignature> Signatures,
    string Url,
    string DevicePath);
