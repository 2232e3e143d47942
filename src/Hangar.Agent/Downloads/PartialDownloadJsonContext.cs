using System.Text.Json.Serialization;

namespace Hangar.Agent.Downloads;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PartialDownload))]
internal sealed partial class PartialDownloadJsonContext : JsonSerializerContext;
