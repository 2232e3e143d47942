using System.Text.Json;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Output;

/// <summary>The table layout of the firmware resources.</summary>
internal static class FirmwareViews
{
    public static ResourceView<ArtifactResponse> Artifact { get; } = new ResourceView<ArtifactResponse>()
        .Add("ID", a => a.Id)
        .Add("HRN", a => a.Hrn, inList: false)
        .Add("NAME", a => a.Name)
        .Add("DESCRIPTION", a => a.Description)
        .Add("CUSTOM METADATA", a => Metadata(a.CustomMetadata), inList: false)
        .Add("CREATED", a => a.CreatedAt)
        .Add("UPDATED", a => a.UpdatedAt, inList: false);

    public static ResourceView<ArtifactVersionResponse> ArtifactVersion { get; } = new ResourceView<ArtifactVersionResponse>()
        .Add("ID", v => v.Id)
        .Add("HRN", v => v.Hrn, inList: false)
        .Add("ARTIFACT ID", v => v.ArtifactId)
        .Add("VERSION", v => v.Version)
        .Add("DESCRIPTION", v => v.Description)
        .Add("CUSTOM METADATA", v => Metadata(v.CustomMetadata), inList: false)
        .Add("CREATED", v => v.CreatedAt)
        .Add("UPDATED", v => v.UpdatedAt, inList: false);

    public static ResourceView<BinaryResponse> Binary { get; } = new ResourceView<BinaryResponse>()
        .Add("ID", b => b.Id)
        .Add("HRN", b => b.Hrn, inList: false)
        .Add("ARTIFACT VERSION ID", b => b.ArtifactVersionId, inList: false)
        .Add("TARGET", b => b.Target)
        .Add("SIZE", b => b.Size)
        .Add("SHA256", b => b.Sha256)
        .Add("STATE", b => b.State)
        .Add("DESCRIPTION", b => b.Description, inList: false)
        .Add("CUSTOM METADATA", b => Metadata(b.CustomMetadata), inList: false)
        .Add("LAST ERROR", b => b.LastError, inList: false)
        .Add("CREATED", b => b.CreatedAt)
        .Add("UPDATED", b => b.UpdatedAt, inList: false);

    public static ResourceView<SigningKeyResponse> SigningKey { get; } = new ResourceView<SigningKeyResponse>()
        .Add("ID", k => k.Id)
        .Add("HRN", k => k.Hrn, inList: false)
        .Add("NAME", k => k.Name)
        .Add("KEY ID", k => k.KeyId)
        .Add("STATE", k => k.State)
        .Add("REVOKED", k => k.RevokedAt, inList: false)
        .Add("REVOCATION REASON", k => k.RevocationReason, inList: false)
        .Add("PUBLIC KEY", k => k.Value, inList: false)
        .Add("CREATED", k => k.CreatedAt)
        .Add("UPDATED", k => k.UpdatedAt, inList: false);

    public static ResourceView<BinarySignatureResponse> BinarySignature { get; } = new ResourceView<BinarySignatureResponse>()
        .Add("ID", s => s.Id)
        .Add("HRN", s => s.Hrn, inList: false)
        .Add("BINARY ID", s => s.BinaryId)
        .Add("SIGNING KEY ID", s => s.SigningKeyId, inList: false)
        .Add("KEY ID", s => s.KeyId)
        .Add("SIGNATURE", s => s.Signature, inList: false)
        .Add("CREATED", s => s.CreatedAt);

    public static ResourceView<BundleResponse> Bundle { get; } = new ResourceView<BundleResponse>()
        .Add("ID", b => b.Id)
        .Add("HRN", b => b.Hrn, inList: false)
        .Add("NAME", b => b.Name)
        .Add("HASH", b => b.Hash)
        .Add("DELIVERABLE", b => b.Deliverable)
        .Add("BINARIES", b => b.Binaries.Count)
        .Add("ENTRIES", b => string.Join("\n", b.Binaries.Select(e => $"{e.Position}: {e.BinaryId} {e.Target} {e.State} {e.CustomMetadata.GetRawText()}")), inList: false)
        .Add("CREATED", b => b.CreatedAt)
        .Add("UPDATED", b => b.UpdatedAt, inList: false);

    public static ResourceView<DownloadUrlResponse> DownloadUrl { get; } = new ResourceView<DownloadUrlResponse>()
        .Add("URL", d => d.Url)
        .Add("DEVICE PATH", d => d.DevicePath)
        .Add("DEVICE URL", d => d.DeviceUrl)
        .Add("EXPIRES", d => d.ExpiresAt);

    private static string? Metadata(JsonElement? metadata) => metadata?.GetRawText();
}
