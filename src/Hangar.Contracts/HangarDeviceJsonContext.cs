using System.Text.Json;
using System.Text.Json.Serialization;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Telemetry;
using Hangar.Contracts.Tunnels;
using Hangar.Contracts.Updates;

namespace Hangar.Contracts;

/// <summary>
/// The device API's part of <see cref="HangarJsonContext"/>, for the NativeAOT agent: a context roots the metadata of
/// every type it lists, and the whole contract would add about 2 MB to a binary that needs four of them. Same dialect:
/// the options repeat <see cref="HangarJsonContext"/>'s, and a server test fails if they ever differ.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 32,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(UpdateCheckResponse))]
[JsonSerializable(typeof(UpdateStatusRequest))]
[JsonSerializable(typeof(DeviceUpdateResponse))]
[JsonSerializable(typeof(DeviceIdentityResponse))]
[JsonSerializable(typeof(ProblemResponse))]
[JsonSerializable(typeof(ControlFrame))]
[JsonSerializable(typeof(TunnelOpenData))]
[JsonSerializable(typeof(TelemetryBatchRequest))]
[JsonSerializable(typeof(TelemetryBatchResponse))]
[JsonSerializable(typeof(TelemetryRefusalResponse))]
public sealed partial class HangarDeviceJsonContext : JsonSerializerContext
{
    // Lazy: static initializers in different files of a partial class run in no defined order, and this one needs Default.
    private static readonly Lazy<HangarDeviceJsonContext> LazyTolerant = new(CreateTolerant);

    /// <summary>The device API as the agent reads answers (<see cref="HangarJson.Tolerant"/>).</summary>
    public static HangarDeviceJsonContext Tolerant => LazyTolerant.Value;

    private static HangarDeviceJsonContext CreateTolerant() => new(HangarJson.Tolerant(Default.Options));
}
