using Hangar.Contracts.Organizations;
using Hangar.Contracts.Webhooks;
using Hangar.Server.Features.Events;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>At-least-once across a stop: a send whose outcome was never recorded is sent again, under the same webhook-id.</summary>
public abstract class WebhookRestartTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DispatcherStoppedAfterSendingBeforeRecording_RedeliversWithTheSameWebhookId()
    {
        var directory = Directory.CreateTempSubdirectory("hangar-restart-").FullName;
        await using var receiver = await WebhookReceiver.StartAsync();
        var hang = new TaskCompletionSource();
        receiver.Respond = (context, n) => n == 1 ? hang.Task.WaitAsync(context.RequestAborted) : Task.CompletedTask;
        var settings = WebhookServer.WebhookSettings;
        settings["Server:DataDirectory"] = directory;
        var firstClock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        IReadOnlyDictionary<string, string?> used;
        Guid webhookId;
        string first;
        string secret;
        string apiKey;
        await using (var server = await HangarTestServer.StartAsync(database, settings, services => UseClock(services, firstClock), Cancel))
        {
            used = server.Settings;
            var organization = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(
                new CreateOrganizationRequest("restart", CreateApiKey: true), cancellationToken: Cancel);
            apiKey = organization.ApiKey!.Secret;
            var webhook = await server.CreateClient(apiKey).Webhooks.CreateAsync(
                new CreateWebhookRequest(receiver.Url.ToString(), ["member.removed"]), cancellationToken: Cancel);
            webhookId = webhook.Webhook.Id;
            secret = webhook.Secret;
            await server.CreateClient(apiKey).Webhooks.TestFireAsync(webhookId.ToString(), Cancel);
            first = (await receiver.NextAsync()).Id;
        }

        // The receiver got the request but the server stopped before it heard the answer.
        var secondClock = new FakeTimeProvider(firstClock.GetUtcNow());
        await using (var server = await HangarTestServer.StartAsync(database, used, services => UseClock(services, secondClock), Cancel))
        {
            var client = server.CreateClient(apiKey);
            var pending = (await client.Webhooks.ListDeliveriesAsync(webhookId.ToString(), cancellationToken: Cancel)).Data.Single();
            Assert.Equal(0, pending.Attempts);
            Assert.Equal("pending", pending.State);

            secondClock.Advance(TimeSpan.FromMinutes(2));
            server.Services.GetRequiredService<EventSignal>().Notify();
            var again = await receiver.NextAsync();

            Assert.Equal(first, again.Id);
            Assert.True(again.IsSignedWith(secret));
            var delivered = await WaitAsync(client, webhookId, pending.Id);
            Assert.Equal(1, delivered.Attempts);
            Assert.Equal("succeeded", delivered.State);
        }

        Directory.Delete(directory, recursive: true);
    }

    private static async Task<WebhookDeliveryResponse> WaitAsync(Hangar.Client.HangarClient client, Guid webhookId, Guid deliveryId)
    {
        while (true)
        {
            var delivery = await client.Webhooks.GetDeliveryAsync(webhookId.ToString(), deliveryId.ToString(), Cancel);
            if (delivery.Attempts > 0)
            {
                return delivery;
            }

            await Task.Delay(10, Cancel);
        }
    }

    private static void UseClock(IServiceCollection services, TimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
    }

    public sealed class OnSqlite() : WebhookRestartTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : WebhookRestartTests(DatabaseKind.Postgres);
}
