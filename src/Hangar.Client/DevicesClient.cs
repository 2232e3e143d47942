using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Updates;

namespace Hangar.Client;

public sealed class DevicesClient(ApiTransport transport)
{
    public Task<ListResponse<DeviceResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<DeviceResponse>>("api/v1/devices" + options?.ToQueryString(), cancellationToken);

    public Task<DeviceResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<DeviceResponse>($"api/v1/devices/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<DeviceResponse> CreateAsync(CreateDeviceRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<DeviceResponse>("api/v1/devices", request, options, cancellationToken);

    public Task<DeviceResponse> UpdateAsync(string idOrHrn, UpdateDeviceRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<DeviceResponse>($"api/v1/devices/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/devices/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    /// <summary>One action on up to 1,000 devices chosen by ids or search; all or nothing.</summary>
    public Task<BulkDeviceActionResponse> BulkAsync(BulkDeviceActionRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<BulkDeviceActionResponse>("api/v1/devices/bulk", request, null, cancellationToken);

    /// <summary>Imports a CSV file; any bad row imports nothing (400 import_failed, errors keyed "row N.field").</summary>
    public Task<ImportDevicesResponse> ImportAsync(ImportDevicesRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ImportDevicesResponse>("api/v1/devices/import", request, null, cancellationToken);

    /// <summary>
    /// Runs the update check for a device, given what it runs. With <c>Write</c> false nothing is recorded; with true
    /// the check counts as the device's own (reported state, phase claim, offer).
    /// </summary>
    public Task<UpdateCheckResponse> GetUpdateAsync(string idOrHrn, AdminUpdateCheckRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<UpdateCheckResponse>($"api/v1/devices/{ApiTransport.Segment(idOrHrn)}/update", request, null, cancellationToken);

    /// <summary>The device's updates: one per release or bundle override it was offered, with its state and failure reason.</summary>
    public Task<ListResponse<DeviceUpdateResponse>> ListUpdatesAsync(string idOrHrn, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<DeviceUpdateResponse>>($"api/v1/devices/{ApiTransport.Segment(idOrHrn)}/updates" + options?.ToQueryString(), cancellationToken);

    /// <summary>Tells the device over its control socket to check for an update now; 409 device_offline when no server node holds its socket.</summary>
    public Task<DeviceCommandResponse> CheckNowAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.PostAsync<DeviceCommandResponse>($"api/v1/devices/{ApiTransport.Segment(idOrHrn)}/check_now", null, null, cancellationToken);

    /// <summary>Tells the device over its control socket to reboot; 409 device_offline when no server node holds its socket.</summary>
    public Task<DeviceCommandResponse> RebootAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.PostAsync<DeviceCommandResponse>($"api/v1/devices/{ApiTransport.Segment(idOrHrn)}/reboot", null, null, cancellationToken);
}
