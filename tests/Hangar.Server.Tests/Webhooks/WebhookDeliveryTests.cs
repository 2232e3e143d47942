using System.Net;
using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Webhooks;
using Hangar.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace Hangar.Server.Tests.Webhooks;

public abstract class WebhookDeliveryTests(WebhookServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delivery_CarriesStandardWebhooksHeaders_AndASignatureReceiversCanVerify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await fixture.NewTenantAsync();
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var webhook = await CreateAsync(tenant, receiver, "api_key.created");
        var key = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("ci", "viewer"), cancellationToken: Cancel);

        var received = await receiver.NextAsync();

        var evt = (await tenant.Owner.Events.ListAsync(new ListOptions(Search: $"resource_id:'{key.Key.Id}'"), Cancel)).Data.Single();
        Assert.Equal(evt.Id.ToString("D"), received.Id);
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), received.Timestamp);
        Assert.True(received.IsSignedWith(webhook.Secret));
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("api_key.created", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(evt.Id, body.RootElement.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal(key.Key.Id, body.RootElement.GetProperty("data").GetProperty("resource_id").GetGuid());
        Assert.DoesNotContain(key.Secret, received.Body, StringComparison.Ordinal);
        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id), 1);
        Assert.Equal("succeeded", delivery.State);
        Assert.Equal(200, Assert.Single(delivery.AttemptLog!).StatusCode);
    }

    [Fact]
    public async Task FailingReceiver_IsRetriedWithGrowingDelays_UnderTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (context, n) =>
        {
            context.Response.StatusCode = n <= 3 ? 500 : 200;
            return Task.CompletedTask;
        };
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);

        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id), 4);

        Assert.Equal("succeeded", delivery.State);
        Assert.Equal([500, 500, 500, 200], delivery.AttemptLog!.Select(a => a.StatusCode));
        var gaps = delivery.AttemptLog!.Zip(delivery.AttemptLog!.Skip(1), (a, b) => b.Time - a.Time).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(4) && gaps[0] < gaps[1] && gaps[1] < gaps[2], string.Join(", ", gaps));
        var ids = new List<string>();
        while (receiver.TryNext(out var received))
        {
            ids.Add(received!.Id);
            Assert.True(received.IsSignedWith(webhook.Secret));
        }

        Assert.Equal(4, ids.Count);
        Assert.Single(ids.Distinct());
        Assert.Equal(delivery.EventId.ToString("D"), ids[0]);
    }

    [Fact]
    public async Task Timeout_AndRefusedConnection_AreRecordedAndRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hang = new TaskCompletionSource();
        receiver.Respond = (context, n) => n == 1 ? hang.Task.WaitAsync(context.RequestAborted) : Task.CompletedTask;
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        await receiver.NextAsync();
        fixture.Time.Advance(TimeSpan.FromSeconds(15));

        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id), 2);
        Assert.Null(delivery.AttemptLog![0].StatusCode);
        Assert.Contains("no response", delivery.AttemptLog[0].Error, StringComparison.Ordinal);
        Assert.Equal("succeeded", delivery.State);

        var closed = await WebhookReceiver.StartAsync();
        var deadUrl = closed.Url;
        await closed.DisposeAsync();
        var dead = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest(deadUrl.ToString(), ["member.removed"]), cancellationToken: Cancel);
        await tenant.Owner.Webhooks.TestFireAsync(dead.Webhook.Id.ToString(), Cancel);
        var refused = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, dead.Webhook.Id), 2);
        Assert.All(refused.AttemptLog!, a => Assert.Equal("connection refused", a.Error));
        Assert.Equal("pending", refused.State);
        Assert.NotNull(refused.NextAttemptAt);
    }

    [Fact]
    public async Task RetryAfter_SetsTheNextAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "600";
            return Task.CompletedTask;
        };
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        await receiver.NextAsync();

        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id), 1);
        Assert.Equal(429, delivery.LastStatusCode);
        Assert.Equal(delivery.UpdatedAt.AddSeconds(600), delivery.NextAttemptAt);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_AndCountsAsFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        };
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);

        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id), 2);

        Assert.Equal([302, 302], delivery.AttemptLog!.Select(a => a.StatusCode));
        Assert.Contains("redirect", delivery.LastError, StringComparison.Ordinal);
        var paths = new List<string>();
        while (receiver.TryNext(out var received))
        {
            paths.Add(received!.Path);
        }

        Assert.All(paths, p => Assert.Equal("/hook", p));
    }

    [Fact]
    public async Task HugeResponse_IsReadOnlyUpToTheCap()
    {
        await using var responder = new EndlessResponder();
        var tenant = await fixture.NewTenantAsync();
        var webhook = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest(responder.Url.ToString(), ["member.removed"]), cancellationToken: Cancel);
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);

        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id), 1);
        await responder.HungUp.Task.WaitAsync(Cancel);

        Assert.Equal("succeeded", delivery.State);
        Assert.True(responder.Written < 64L << 20, $"{responder.Written} bytes were sent before the dispatcher hung up");
    }

    [Fact]
    public async Task RolledSecret_SignsWithBothSecretsDuringTheOverlap_ThenOnlyTheNewOne()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        var rolled = await tenant.Owner.Webhooks.RollSecretAsync(webhook.Webhook.Id.ToString(), new RollWebhookSecretRequest(3600), Cancel);
        Assert.NotEqual(webhook.Secret, rolled.Secret);
        Assert.NotNull(rolled.Webhook.PreviousSecretExpiresAt);

        var fired = await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        var during = await receiver.NextAsync();
        await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, fired, 1);
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(during.IsSignedWith(webhook.Secret));
        Assert.True(during.IsSignedWith(rolled.Secret));

        fixture.Time.Advance(TimeSpan.FromSeconds(3601));
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        var after = await receiver.NextAsync();
        Assert.Single(after.Signature.Split(' '));
        Assert.True(after.IsSignedWith(rolled.Secret));
        Assert.False(after.IsSignedWith(webhook.Secret));
    }

    [Fact]
    public async Task PersistentFailure_DisablesTheEndpoint_WithAnEventAndAnAuditRow()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (context, _) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        };
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        var delivery = await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id);

        while (delivery.State == "pending")
        {
            delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, delivery, delivery.Attempts + 1);
        }

        Assert.Equal("failed", delivery.State);
        Assert.True(delivery.Attempts >= 5, $"{delivery.Attempts} attempts");
        var disabled = await tenant.Owner.Webhooks.GetAsync(webhook.Webhook.Id.ToString(), Cancel);
        Assert.Equal("disabled", disabled.State);
        Assert.Contains("no delivery succeeded", disabled.DisabledReason, StringComparison.Ordinal);
        var evt = Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'webhook.disabled'"), Cancel)).Data);
        Assert.Equal(webhook.Webhook.Id, evt.ResourceId);
        Assert.Equal("system", evt.ActorType);
        var audit = Assert.Single((await tenant.Owner.Audit.ListAsync(new ListOptions(Search: "action:'webhook.disable'"), Cancel)).Data);
        Assert.Equal("system", audit.ActorType);
        Assert.Equal(webhook.Webhook.Id, audit.ResourceId);
    }

    [Fact]
    public async Task GoneAnswer_DisablesTheEndpointAtOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return Task.CompletedTask;
        };
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);

        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, await WebhookWaits.FirstDeliveryAsync(tenant.Owner, webhook.Webhook.Id), 1);

        Assert.Equal("failed", delivery.State);
        Assert.Equal("disabled", (await tenant.Owner.Webhooks.GetAsync(webhook.Webhook.Id.ToString(), Cancel)).State);
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel));
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
    }

    [Fact]
    public async Task Redelivery_SendsTheSameWebhookIdAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await fixture.NewTenantAsync();
        var webhook = await CreateAsync(tenant, receiver, "member.removed");
        var fired = await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        var first = await receiver.NextAsync();
        await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, fired, 1);

        var queued = await tenant.Owner.Webhooks.RedeliverAsync(webhook.Webhook.Id.ToString(), fired.Hrn, Cancel);
        Assert.Equal("pending", queued.State);
        var again = await receiver.NextAsync();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Body, again.Body);
        var delivery = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, fired, 2);
        Assert.Equal("succeeded", delivery.State);
        Assert.Equal("webhook.test_fire", delivery.EventType);
    }

    [Fact]
    public async Task ManyEvents_AreSentAtMostTwoAtATimeToOneEndpoint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => Task.Delay(20, Cancel);
        var tenant = await fixture.NewTenantAsync();
        // The tenant's own api_key.created happened before the webhook existed: it must not be delivered.
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var webhook = await CreateAsync(tenant, receiver, "api_key.created");
        for (var i = 0; i < 8; i++)
        {
            await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"k{i}", "viewer"), cancellationToken: Cancel);
        }

        var ids = new HashSet<string>();
        while (ids.Count < 8)
        {
            ids.Add((await receiver.NextAsync()).Id);
        }

        Assert.InRange(receiver.MaxInFlight, 1, 2);
        Assert.Equal(8, (await tenant.Owner.Webhooks.ListDeliveriesAsync(webhook.Webhook.Id.ToString(), cancellationToken: Cancel)).Data.Count);
    }

    private static Task<WebhookSecretResponse> CreateAsync(Tenant tenant, WebhookReceiver receiver, string events) =>
        tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest(receiver.Url.ToString(), [events]), cancellationToken: Cancel);

    public sealed class OnSqlite(WebhookSqliteServer fixture) : WebhookDeliveryTests(fixture), IClassFixture<WebhookSqliteServer>;

    public sealed class OnPostgres(WebhookPostgresServer fixture) : WebhookDeliveryTests(fixture), IClassFixture<WebhookPostgresServer>;
}
