using Hangar.Contracts.Common;
using Hangar.Contracts.Webhooks;

namespace Hangar.Client;

public sealed class WebhooksClient(ApiTransport transport)
{
    public Task<ListResponse<WebhookResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<WebhookResponse>>("api/v1/webhooks" + options?.ToQueryString(), cancellationToken);

    public Task<WebhookResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<WebhookResponse>(Path(idOrHrn), cancellationToken);

    /// <summary>Creates a webhook; the response holds its signing secret, shown only now.</summary>
    public Task<WebhookSecretResponse> CreateAsync(CreateWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<WebhookSecretResponse>("api/v1/webhooks", request, options, cancellationToken);

    public Task<WebhookResponse> UpdateAsync(string idOrHrn, UpdateWebhookRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<WebhookResponse>(Path(idOrHrn), request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Path(idOrHrn), cancellationToken);

    /// <summary>Replaces the signing secret; the old one keeps signing for <see cref="RollWebhookSecretRequest.OverlapSeconds"/>.</summary>
    public Task<WebhookSecretResponse> RollSecretAsync(string idOrHrn, RollWebhookSecretRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<WebhookSecretResponse>($"{Path(idOrHrn)}/roll_secret", request, null, cancellationToken);

    /// <summary>Sends a <c>webhook.test_fire</c> event to this webhook only; returns the queued delivery.</summary>
    public Task<WebhookDeliveryResponse> TestFireAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.PostAsync<WebhookDeliveryResponse>($"{Path(idOrHrn)}/test_fire", null, null, cancellationToken);

    public Task<ListResponse<WebhookDeliveryResponse>> ListDeliveriesAsync(string idOrHrn, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<WebhookDeliveryResponse>>($"{Path(idOrHrn)}/deliveries" + options?.ToQueryString(), cancellationToken);

    /// <summary>One delivery with its attempt log.</summary>
    public Task<WebhookDeliveryResponse> GetDeliveryAsync(string idOrHrn, string deliveryIdOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<WebhookDeliveryResponse>($"{Path(idOrHrn)}/deliveries/{ApiTransport.Segment(deliveryIdOrHrn)}", cancellationToken);

    /// <summary>Queues the delivery again now, with the same webhook-id.</summary>
    public Task<WebhookDeliveryResponse> RedeliverAsync(string idOrHrn, string deliveryIdOrHrn, CancellationToken cancellationToken = default) =>
        transport.PostAsync<WebhookDeliveryResponse>($"{Path(idOrHrn)}/deliveries/{ApiTransport.Segment(deliveryIdOrHrn)}/redeliver", null, null, cancellationToken);

    private static string Path(string idOrHrn) => $"api/v1/webhooks/{ApiTransport.Segment(idOrHrn)}";
}
