using Hangar.Client;
using Hangar.Contracts.Webhooks;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>
/// A webhook whose host resolves to a refused address at delivery (set before the create-time check existed, or a
/// name that resolves there): each delivery is refused once and not retried, and after three in a row the webhook
/// is disabled with <c>address_refused</c> and an event.
/// </summary>
public abstract class WebhookAddressRefusalTests(WebhookServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefusedAddress_IsNotRetried_AndThreeInARowDisableTheWebhook()
    {
        var tenant = await fixture.NewTenantAsync();
        var webhook = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("http://8.8.8.8/hook", ["member.removed"]), cancellationToken: Cancel);
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            // 10/8 is not in this server's allow-list (127/8 is); written directly, as an older server would have stored it.
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            await db.Webhooks.IgnoreQueryFilters([TenantFilter.Name]).Where(w => w.Id == webhook.Webhook.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Url, "http://10.255.255.1:9/hook"), Cancel);
        }

        var id = webhook.Webhook.Id.ToString();
        var seen = new HashSet<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            await tenant.Owner.Webhooks.TestFireAsync(id, Cancel);
            var delivery = await NewDeliveryAsync(tenant.Owner, id, seen);
            var refused = await WebhookWaits.AttemptsAsync(fixture, tenant.Owner, delivery, 1);
            Assert.Equal(("failed", 1), (refused.State, refused.Attempts));
            Assert.Null(refused.NextAttemptAt);
        }

        var disabled = await tenant.Owner.Webhooks.GetAsync(id, Cancel);
        Assert.Equal(("disabled", "address_refused"), (disabled.State, disabled.DisabledReason));
        var evt = Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'webhook.disabled'"), Cancel)).Data);
        Assert.Equal("address_refused", evt.Data.GetProperty("reason").GetString());
    }

    private static async Task<WebhookDeliveryResponse> NewDeliveryAsync(HangarClient client, string webhookId, HashSet<Guid> seen)
    {
        while (true)
        {
            var list = (await client.Webhooks.ListDeliveriesAsync(webhookId, cancellationToken: Cancel)).Data;
            if (list.FirstOrDefault(d => !seen.Contains(d.Id)) is { } delivery)
            {
                seen.Add(delivery.Id);
                return delivery;
            }

            await Task.Delay(10, Cancel);
        }
    }

    public sealed class OnSqlite(WebhookSqliteServer fixture) : WebhookAddressRefusalTests(fixture), IClassFixture<WebhookSqliteServer>;

    public sealed class OnPostgres(WebhookPostgresServer fixture) : WebhookAddressRefusalTests(fixture), IClassFixture<WebhookPostgresServer>;
}
