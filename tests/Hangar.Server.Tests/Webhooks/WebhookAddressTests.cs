using System.Net;
using Hangar.Client;
using Hangar.Contracts.Webhooks;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>Webhook URLs whose host is an internal IP literal, however spelled, are refused when set (422), on create and on update.</summary>
public abstract class WebhookAddressTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://127.1/hook")]
    [InlineData("https://0x7f000001/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    public async Task InternalIpLiteral_IsRefusedOnCreateAndUpdate(string url)
    {
        var tenant = await fixture.NewTenantAsync();

        var created = await Assert.ThrowsAsync<HangarApiException>(() =>
            tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest(url, ["member.added"]), cancellationToken: Cancel));
        var webhook = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("https://8.8.8.8/hook", ["member.added"]), cancellationToken: Cancel);
        var updated = await Assert.ThrowsAsync<HangarApiException>(() =>
            tenant.Owner.Webhooks.UpdateAsync(webhook.Webhook.Id.ToString(), new UpdateWebhookRequest(Url: url), Cancel));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "webhook_address_refused"), (created.Status, created.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "webhook_address_refused"), (updated.Status, updated.Code));
        Assert.Equal("https://8.8.8.8/hook", (await tenant.Owner.Webhooks.GetAsync(webhook.Webhook.Id.ToString(), Cancel)).Url);
    }

    public sealed class OnSqlite(SqliteServer fixture) : WebhookAddressTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : WebhookAddressTests(fixture);
}
