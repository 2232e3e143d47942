using System.Text.Json.Serialization;
using Hangar.Contracts.Common;
using Hangar.Contracts.Updates;

namespace Hangar.Agent.Updates;

/// <summary>
/// The device protocol's wire types, serialized without reflection (NativeAOT). Unlike the server, the agent ignores
/// members it does not know, so a newer server can add fields without breaking devices in the field.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UpdateCheckResponse))]
[JsonSerializable(typeof(UpdateStatusRequest))]
[JsonSerializable(typeof(DeviceUpdateResponse))]
[JsonSerializable(typeof(ProblemResponse))]
internal sealed partial class DeviceJsonContext : JsonSerializerContext;
