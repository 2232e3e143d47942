using System.Text.Json;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed class EventAndWebhookCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    [Fact]
    public async Task WebhooksCreate_PrintsTheSecretOnce_AndListGetUpdateDeleteWork()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("webhooks crud"));

        var created = (await cli.RunAsync("webhooks", "create", "--url", "http://127.0.0.1:9/hook", "--events", "api_key.created,member.added", "-o", "json")).Succeeded().Json();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("webhook").GetProperty("id").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var listed = (await cli.RunAsync("webhooks", "list")).Succeeded();
        Assert.Contains(id, listed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Stdout, StringComparison.Ordinal);
        var updated = (await cli.RunAsync("webhooks", "update", id, "--state", "disabled", "-o", "json")).Succeeded().Json();
        Assert.Equal("disabled", updated.GetProperty("state").GetString());
        Assert.Equal(2, updated.GetProperty("enabled_events").GetArrayLength());
        (await cli.RunAsync("webhooks", "delete", id)).Succeeded();
        Assert.Equal(ExitCodes.NotFound, (await cli.RunAsync("webhooks", "get", id)).ExitCode);
    }

    [Fact]
    public async Task WebhooksRollSecret_Table_PrintsTheNewSecretOnItsOwnLine()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("webhooks roll"));
        var id = (await cli.RunAsync("webhooks", "create", "--url", "http://127.0.0.1:9/hook", "--events", "*", "-o", "json"))
            .Succeeded().Json().GetProperty("webhook").GetProperty("id").GetString()!;

        var rolled = (await cli.RunAsync("webhooks", "roll-secret", id, "--overlap", "600")).Succeeded();

        Assert.Single(rolled.Stdout.Split('\n'), line => line.StartsWith("whsec_", StringComparison.Ordinal));
        Assert.Contains("shown only this once", rolled.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhooksTestFire_ShowsInDeliveries_AndCanBeRedelivered()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("webhooks fire"));
        var id = (await cli.RunAsync("webhooks", "create", "--url", "http://127.0.0.1:9/hook", "--events", "member.removed", "-o", "json"))
            .Succeeded().Json().GetProperty("webhook").GetProperty("id").GetString()!;

        var fired = (await cli.RunAsync("webhooks", "test-fire", id, "-o", "json")).Succeeded().Json();
        Assert.Equal("webhook.test_fire", fired.GetProperty("event_type").GetString());
        var deliveryId = fired.GetProperty("id").GetString()!;

        JsonElement delivery;
        do
        {
            delivery = (await cli.RunAsync("webhooks", "delivery", id, deliveryId, "-o", "json")).Succeeded().Json();
        }
        while (delivery.GetProperty("attempts").GetInt32() == 0);

        Assert.Equal("connection refused", delivery.GetProperty("attempt_log")[0].GetProperty("error").GetString());
        var table = (await cli.RunAsync("webhooks", "delivery", id, deliveryId)).Succeeded();
        Assert.Contains("LATENCY MS", table.Stdout, StringComparison.Ordinal);
        var listed = (await cli.RunAsync("webhooks", "deliveries", id, "-o", "json")).Succeeded().Json();
        Assert.Equal(deliveryId, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        var again = (await cli.RunAsync("webhooks", "redeliver", id, deliveryId, "-o", "json")).Succeeded().Json();
        Assert.Equal("pending", again.GetProperty("state").GetString());
    }

    [Fact]
    public async Task EventsListAndTail_ShowWhatHappened()
    {
        var owner = await fixture.NewOrganizationAsync("events");
        using var cli = fixture.Cli(owner);
        var start = (await cli.RunAsync("events", "list", "-o", "json")).Succeeded().Json().GetProperty("data")[0].GetProperty("id").GetString()!;
        var key = await fixture.NewApiKeyAsync(owner, "viewer", "tailed");

        var tailed = (await cli.RunAsync("events", "tail", "--after", start, "--count", "1", "-o", "json")).Succeeded();

        var evt = JsonDocument.Parse(tailed.Stdout.Trim()).RootElement;
        Assert.Equal("api_key.created", evt.GetProperty("type").GetString());
        Assert.Equal(key.Key.Id, evt.GetProperty("resource_id").GetGuid());
        var listed = (await cli.RunAsync("events", "list", "--search", "type:'api_key.created'")).Succeeded();
        Assert.Contains(key.Key.Hrn, listed.Stdout, StringComparison.Ordinal);
        var shown = (await cli.RunAsync("events", "get", evt.GetProperty("hrn").GetString()!)).Succeeded();
        Assert.Contains("tailed", shown.Stdout, StringComparison.Ordinal);
    }
}
