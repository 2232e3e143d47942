using Hangar.Contracts.Common;
using Hangar.Contracts.DeviceHealth;

namespace Hangar.Client;

/// <summary>A product's health rules (<c>/products/{product}/health_rules</c>); a rule is named by id or name.</summary>
public sealed class HealthRulesClient(ApiTransport transport)
{
    public Task<ListResponse<HealthRuleResponse>> ListAsync(string product, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<HealthRuleResponse>>(Rules(product), cancellationToken);

    public Task<HealthRuleResponse> GetAsync(string product, string rule, CancellationToken cancellationToken = default) =>
        transport.GetAsync<HealthRuleResponse>($"{Rules(product)}/{ApiTransport.Segment(rule)}", cancellationToken);

    public Task<HealthRuleResponse> CreateAsync(string product, CreateHealthRuleRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<HealthRuleResponse>(Rules(product), request, options, cancellationToken);

    public Task<HealthRuleResponse> UpdateAsync(string product, string rule, UpdateHealthRuleRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<HealthRuleResponse>($"{Rules(product)}/{ApiTransport.Segment(rule)}", request, cancellationToken);

    public Task DeleteAsync(string product, string rule, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"{Rules(product)}/{ApiTransport.Segment(rule)}", cancellationToken);

    /// <summary>A device's health: whether it is healthy, the rules it fails, and its product's enabled rules.</summary>
    public Task<DeviceHealthResponse> DeviceAsync(string deviceIdOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<DeviceHealthResponse>($"api/v1/devices/{ApiTransport.Segment(deviceIdOrHrn)}/health", cancellationToken);

    private static string Rules(string product) => $"api/v1/products/{ApiTransport.Segment(product)}/health_rules";
}
