using Hangar.Contracts.Firmware;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data.Firmware;

namespace Hangar.Server.Features.Firmware;

internal static class FirmwareMapping
{
    public static ArtifactResponse ToResponse(this Artifact artifact) => new(
        artifact.Id,
        ResourceName.Format(artifact.OrganizationId, ResourceTypes.Artifact, artifact.Id),
        artifact.Name,
        artifact.Description,
        CustomMetadata.Parse(artifact.CustomMetadata),
        artifact.CreatedAt,
        artifact.UpdatedAt);

    public static ArtifactVersionResponse ToResponse(this ArtifactVersion version) => new(
        version.Id,
        ResourceName.Format(version.OrganizationId, ResourceTypes.ArtifactVersion, version.Id),
        version.ArtifactId,
        version.Version,
        version.Description,
        CustomMetadata.Parse(version.CustomMetadata),
        version.CreatedAt,
        version.UpdatedAt);

    public static BinaryResponse ToResponse(this Binary binary) => new(
        binary.Id,
        ResourceName.Format(binary.OrganizationId, ResourceTypes.Binary, binary.Id),
        binary.ArtifactVersionId,
        binary.Target,
        binary.Size,
        binary.Sha256,
        binary.State.ToWire(),
        binary.Description,
        CustomMetadata.Parse(binary.CustomMetadata),
        binary.LastError,
        binary.CreatedAt,
        binary.UpdatedAt,
        binary.Sha1,
        binary.Md5);

    public static BinaryPartResponse ToResponse(this BinaryPart part) => new(part.Index, part.Size, part.Sha256, part.CreatedAt, part.UpdatedAt);

    public static SigningKeyResponse ToResponse(this SigningKey key) => new(
        key.Id,
        ResourceName.Format(key.OrganizationId, ResourceTypes.SigningKey, key.Id),
        key.Name,
        Convert.ToBase64String(key.PublicKey),
        key.KeyId,
        key.CreatedAt,
        key.UpdatedAt,
        key.RevokedAt is null ? SigningKeyStates.Active : SigningKeyStates.Revoked,
        key.RevokedAt,
        key.RevocationReason);

    public static BinarySignatureResponse ToResponse(this BinarySignature signature, string keyId) => new(
        signature.Id,
        ResourceName.Format(signature.OrganizationId, ResourceTypes.BinarySignature, signature.Id),
        signature.BinaryId,
        signature.SigningKeyId,
        keyId,
        Convert.ToHexStringLower(signature.Signature),
        signature.CreatedAt);
}
