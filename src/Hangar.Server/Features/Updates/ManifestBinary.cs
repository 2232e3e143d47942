using System.Text.Json;
using System.Text.Json.Serialization;
using Hangar.Contracts.Updates;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// One binary of a cached manifest; <see cref="UpdateDownloadUrls"/> mints its download URL per offer.
/// <see cref="Legacy"/> is the SHA-1 and MD5 DDI answers show, null until the hashing worker stored them; it stays out
/// of the manifest's fingerprint, so digests stored later change no device's ETag.
/// </summary>
internal sealed record ManifestBinary(
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
    [property: JsonIgnore] ManifestLegacyDigests? Legacy);

/// <summary>A binary's SHA-1 and MD5, as stored on its row.</summary>
internal sealed record ManifestLegacyDigests(string Sha1, string Md5);
