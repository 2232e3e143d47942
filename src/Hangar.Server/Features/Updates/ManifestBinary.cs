using System.Text.Json;
using Hangar.Contracts.Updates;

namespace Hangar.Server.Features.Updates;

/// <summary>One binary of a cached manifest; <see cref="UpdateDownloadUrls"/> mints its download URL per offer.</summary>
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
    IReadOnlyList<ManifestSignature> Signatures);
