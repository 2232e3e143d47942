using System.Net.Http.Headers;
using System.Text.Json;
using Hangar.Contracts.Updates;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Updates;

namespace Hangar.Server.Tests.Ddi;

/// <summary>
/// A DDI client of one fleet device, as a hawkBit client would be configured: with the device's client certificate on
/// the device listener (https), or with its target token on the DDI token listener (plain http).
/// </summary>
internal sealed class DdiWireClient(HttpClient http, string controller) : IDisposable
{
    public const string Certificate = "certificate";
    public const string Token = "token";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public HttpClient Http => http;

    /// <summary>The controller's base path, <c>{tenant}/controller/v1/{controllerId}</c>.</summary>
    public string Controller => controller;

    /// <summary>
    /// A device of <paramref name="fleet"/> placed on its factory version 1.0.0 by a back end checking on its behalf: a
    /// DDI poll reports no version, and a device that reported nothing is offered no release (docs/ddi.md).
    /// </summary>
    public static async Task<(FleetDevice Device, DdiWireClient Client)> CreateAsync(DdiServer fixture, UpdateFleet fleet, string identifier, string credential)
    {
        var device = await fleet.DeviceAsync(identifier);
        await fleet.Tenant.Owner.Devices.GetUpdateAsync(device.Id, new AdminUpdateCheckRequest(ReleaseVersion: "1.0.0", Write: true), Cancel);
        var controller = $"{fleet.Tenant.OrganizationId}/controller/v1/{identifier}";
        if (credential == Certificate)
        {
            return (device, new DdiWireClient(device.Http, controller));
        }

        var token = (await fleet.Tenant.Owner.Ddi.CreateTargetTokenAsync(device.Id, Cancel)).Token;
        var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = fixture.DdiBaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("TargetToken", token);
        return (device, new DdiWireClient(http, controller));
    }

    public Task<HttpResponseMessage> GetAsync(string relative = "") => http.GetAsync(Url(relative), Cancel);

    public async Task<JsonElement> JsonAsync(string relative = "")
    {
        using var response = await GetAsync(relative);
        Assert.True(response.IsSuccessStatusCode, $"{relative}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/hal+json", response.Content.Headers.ContentType?.MediaType);
        return await response.JsonAsync();
    }

    /// <summary>Posts feedback as hawkBit clients do: <c>{"status": {"execution", "result": {"finished", "progress"}, "details"}}</c>.</summary>
    public Task<HttpResponseMessage> FeedbackAsync(string resource, string execution, string finished = "none", string? progress = null, params string[] details) =>
        http.PostAsync(Url($"{resource}/feedback"), Api.Json(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["status"] = new Dictionary<string, object?>
            {
                ["execution"] = execution,
                ["result"] = progress is null ? new Dictionary<string, object> { ["finished"] = finished }
                    : new Dictionary<string, object> { ["finished"] = finished, ["progress"] = JsonDocument.Parse(progress).RootElement },
                ["details"] = details,
            },
        })), Cancel);

    /// <summary>A link's target relative to the controller, or an absolute URL left as it is.</summary>
    public string Url(string relative) =>
        Uri.TryCreate(relative, UriKind.Absolute, out _) ? relative : relative.Length == 0 ? controller : $"{controller}/{relative}";

    public void Dispose() => http.Dispose();
}
