using Hangar.Client;
using Hangar.Contracts.Webhooks;
using Hangar.Server.Features.Events;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>
/// Waits for the dispatcher without timing anything: moves the fake clock to the next attempt, wakes the dispatcher,
/// and re-reads the delivery until it has the attempts asked for (the test's cancellation token bounds the wait).
/// </summary>
internal static class WebhookWaits
{
    public static async Task<WebhookDeliveryResponse> AttemptsAsync(WebhookServer server, HangarClient client, WebhookDeliveryResponse delivery, int attempts)
    {
        var signal = server.Server.Services.GetRequiredService<EventSignal>();
        while (true)
        {
            var current = await client.Webhooks.GetDeliveryAsync(delivery.WebhookId.ToString(), delivery.Id.ToString(), TestContext.Current.CancellationToken);
            if (current.Attempts >= attempts)
            {
                return current;
            }

            if (current.NextAttemptAt is { } next && next > server.Time.GetUtcNow().UtcDateTime)
            {
                server.Time.SetUtcNow(new DateTimeOffset(next, TimeSpan.Zero));
            }

            signal.Notify();
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<WebhookDeliveryResponse> FirstDeliveryAsync(HangarClient client, Guid webhookId)
    {
        while (true)
        {
            var list = await client.Webhooks.ListDeliveriesAsync(webhookId.ToString(), cancellationToken: TestContext.Current.CancellationToken);
            if (list.Data.Count > 0)
            {
                return list.Data[0];
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
