using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hangar.Agent.Installers;

/// <summary>
/// SHA-256 of a binary's custom metadata with object keys sorted (ordinal) at every level and no whitespace, so the
/// same metadata always has the same digest and a metadata-only change forces a reinstall.
/// </summary>
public static class MetadataDigest
{
    public static string Compute(JsonNode? metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, metadata);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
