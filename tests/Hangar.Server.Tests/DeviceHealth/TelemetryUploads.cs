using System.Net.Http.Json;
using Hangar.Client;
using Hangar.Contracts.Telemetry;
using Hangar.Server.Tests.Updates;

namespace Hangar.Server.Tests.DeviceHealth;

/// <summary>A telemetry batch sent as the device, over mutual TLS.</summary>
internal static class TelemetryUploads
{
    public static Task<HttpResponseMessage> PostAsync(FleetDevice device, TelemetryBatchRequest batch) =>
        device.Http.PostAsJsonAsync("device/v1/telemetry", batch, ApiTransport.JsonOptions, TestContext.Current.CancellationToken);
}
