using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Webhooks;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>Webhook CRUD and validation on the default configuration (https only, no internal addresses).</summary>
public abstract class WebhookApiTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ShowsTheSecretOnce_AndListsAndGetsWithoutIt()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.Webhooks.CreateAsync(
            new CreateWebhookRequest("https://hooks.invalid/hangar", ["api_key.created", "member.added"], "ops"), cancellationToken: Cancel);

        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.Equal("enabled", created.Webhook.State);
        Assert.Equal(["api_key.created", "member.added"], created.Webhook.EnabledEvents);
        using var list = await tenant.OwnerHttp.GetAsync("api/v1/webhooks", Cancel);
        var text = await list.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(created.Webhook.Id.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", text, StringComparison.Ordinal);
        Assert.Equal(created.Webhook, await tenant.Owner.Webhooks.GetAsync(created.Webhook.Hrn, Cancel), WebhookComparer.Instance);
        var evt = Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'webhook.created'"), Cancel)).Data);
        Assert.DoesNotContain(created.Secret, evt.Data.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://hooks.invalid/", "url")]
    [InlineData("ftp://hooks.invalid/", "url")]
    [InlineData("https://user:pass@hooks.invalid/", "url")]
    [InlineData("/relative", "url")]
    [InlineData("https://hooks.invalid/#frag", "url")]
    public async Task Create_WithABadUrl_IsRejected(string url, string field)
    {
        var tenant = await fixture.NewTenantAsync();
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest(url, ["*"]), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.True(error.Problem!.Errors!.ContainsKey(field));
    }

    [Fact]
    public async Task Create_WithAnOverlongUrl_UnknownEventsOrBadState_ListsEveryError()
    {
        var tenant = await fixture.NewTenantAsync();
        var url = "https://hooks.invalid/" + new string('a', 1100);
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Webhooks.CreateAsync(
            new CreateWebhookRequest(url, ["device.exploded"], State: "paused"), cancellationToken: Cancel));
        Assert.Equal(["enabled_events", "state", "url"], error.Problem!.Errors!.Keys.Order());
        var empty = await Api.ThrowsApiAsync(() => tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("https://hooks.invalid/", []), cancellationToken: Cancel));
        Assert.True(empty.Problem!.Errors!.ContainsKey("enabled_events"));
    }

    [Fact]
    public async Task Update_ChangesOnlyGivenFields_AndDeleteRemovesIt()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("https://hooks.invalid/a", ["*"], "first"), cancellationToken: Cancel);
        var id = created.Webhook.Id.ToString();

        var updated = await tenant.Owner.Webhooks.UpdateAsync(id, new UpdateWebhookRequest(State: "disabled", EnabledEvents: ["member.removed"]), Cancel);
        Assert.Equal("disabled", updated.State);
        Assert.Equal(["member.removed"], updated.EnabledEvents);
        Assert.Equal("https://hooks.invalid/a", updated.Url);
        Assert.Equal("first", updated.Description);
        var refused = await Api.ThrowsApiAsync(() => tenant.Owner.Webhooks.TestFireAsync(id, Cancel));
        Assert.Equal(ErrorCodes.WebhookDisabled, refused.Code);

        await tenant.Owner.Webhooks.DeleteAsync(id, Cancel);
        var gone = await Api.ThrowsApiAsync(() => tenant.Owner.Webhooks.GetAsync(id, Cancel));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal(["webhook.created", "webhook.updated", "webhook.deleted"],
            (await tenant.Owner.Events.ListAsync(new ListOptions(Search: $"resource_id:'{id}'"), Cancel)).Data.Select(e => e.Type));
    }

    [Fact]
    public async Task RollSecret_ReturnsANewSecret_AndRejectsABadOverlap()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("https://hooks.invalid/", ["*"]), cancellationToken: Cancel);
        var rolled = await tenant.Owner.Webhooks.RollSecretAsync(created.Webhook.Id.ToString(), new RollWebhookSecretRequest(), Cancel);
        Assert.NotEqual(created.Secret, rolled.Secret);
        Assert.Null(rolled.Webhook.PreviousSecretExpiresAt);

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Webhooks.RollSecretAsync(created.Webhook.Id.ToString(), new RollWebhookSecretRequest(-1), Cancel));
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
    }

    [Fact]
    public async Task Webhooks_AreForAdmins()
    {
        var tenant = await fixture.NewTenantAsync();
        var operatorClient = await tenant.ClientAsync(Role.Operator);
        var error = await Api.ThrowsApiAsync(() => operatorClient.Webhooks.ListAsync(cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
    }

    [Fact]
    public async Task DeliveryToALoopbackAddress_IsRefusedAtConnectTime_WithoutAnAllowList()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("https://localhost:9/hook", ["member.removed"]), cancellationToken: Cancel);
        var fired = await tenant.Owner.Webhooks.TestFireAsync(created.Webhook.Id.ToString(), Cancel);

        var delivery = fired;
        while (delivery.Attempts == 0)
        {
            await Task.Delay(10, Cancel);
            delivery = await tenant.Owner.Webhooks.GetDeliveryAsync(created.Webhook.Id.ToString(), fired.Id.ToString(), Cancel);
        }

        // Refused again on every retry, so it is not retried (WebhookAddressRefusalTests: three in a row disable the webhook).
        Assert.Equal("failed", delivery.State);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Null(delivery.LastStatusCode);
        Assert.Contains("loopback", delivery.LastError, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteServer fixture) : WebhookApiTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : WebhookApiTests(fixture);
}
