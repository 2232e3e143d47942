using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// The canonical manifest of a bundle and its hash. The manifest is the canonical JSON (<see cref="CanonicalJson"/>) of
/// <c>{"binaries":[entry…],"manifest_version":1}</c> with the entries in bundle order, each
/// <c>{"artifact_id","artifact_version_id","binary_id","custom_metadata","sha256","size","target"}</c> (ids as
/// lowercase hyphenated UUIDs, sha256 as lowercase hex, custom_metadata the merged object). The bundle hash is
/// <c>sha256:</c> and the lowercase hex SHA-256 of the manifest's UTF-8 bytes. The name is not part of it.
/// </summary>
internal static class BundleManifest
{
    public sealed record Entry(Guid BinaryId, Guid ArtifactId, Guid ArtifactVersionId, string Target, long Size, string Sha256, JsonObject CustomMetadata);

    /// <summary>Merges metadata objects from broadest to most specific: top-level keys of a later layer replace earlier ones.</summary>
    public static JsonObject Merge(params string?[] layers)
    {
        var merged = new JsonObject();
        foreach (var layer in layers)
        {
            if (layer is null || JsonNode.Parse(layer) is not JsonObject obj)
            {
                continue;
            }

            foreach (var (key, value) in obj.ToList())
            {
                obj.Remove(key);
                merged[key] = value;
            }
        }

        return merged;
    }

    public static string Hash(IEnumerable<Entry> entries)
    {
        var binaries = new JsonArray();
        foreach (var entry in entries)
        {
            binaries.Add(new JsonObject
            {
                ["artifact_id"] = entry.ArtifactId.ToString("D"),
                ["artifact_version_id"] = entry.ArtifactVersionId.ToString("D"),
                ["binary_id"] = entry.BinaryId.ToString("D"),
                ["custom_metadata"] = JsonNode.Parse(CanonicalJson.Write(entry.CustomMetadata)),
                ["sha256"] = entry.Sha256,
                ["size"] = entry.Size,
                ["target"] = entry.Target,
            });
        }

        var manifest = CanonicalJson.Write(new JsonObject { ["binaries"] = binaries, ["manifest_version"] = 1 });
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)));
    }
}
