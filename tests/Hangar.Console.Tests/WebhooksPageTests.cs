using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// The webhooks page as an admin uses it: a webhook created with its secret shown once (the secret that really signs
/// the deliveries), a test fire whose delivery shows up as it succeeds, a redelivery (the same message, once more), a
/// rolled secret, and a deletion that asks first.
/// </summary>
public sealed class WebhooksPageTests(ConsoleWorld world)
{
    [Fact]
    public async Task CreateTestFireRedeliverRollAndDelete_AsAnAdmin()
    {
        await using var receiver = new LoopbackReceiver();
        var url = receiver.Url.ToString();
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Webhooks");

        await tab.Page.GetByLabel("Endpoint URL").FillAsync(url);
        await tab.Page.GetByLabel("Event types").FillAsync("member.removed, release.halted");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create webhook" }).ClickAsync();

        var secret = tab.Page.GetByTestId("webhook-secret");
        await Assertions.Expect(secret).ToContainTextAsync("whsec_");
        var row = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Webhooks" }).Locator("tbody tr").Filter(new() { HasText = url });
        await Assertions.Expect(row).ToContainTextAsync("member.removed, release.halted");
        await Assertions.Expect(row).ToContainTextAsync("enabled");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = $"Test fire {url}" }).ClickAsync();
        var deliveries = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Deliveries" }).Locator("tbody tr");
        await Assertions.Expect(deliveries.First).ToContainTextAsync("succeeded");
        // The secret shown is the one that signs: the receiver's delivery verifies with it (Standard Webhooks).
        var (headers, body) = Assert.Single(receiver.Received);
        Assert.Contains(Signature(await secret.InnerTextAsync(), headers, body), headers["webhook-signature"].Split(' '));

        // Redelivery sends the same delivery again: a second attempt, and the receiver sees the same message twice.
        await deliveries.First.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await Assertions.Expect(deliveries.First.Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Assertions.Expect(deliveries.First).ToContainTextAsync("succeeded");
        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct());

        var first = await secret.InnerTextAsync();
        await tab.Page.GetByLabel("the old secret still signs for").SelectOptionAsync("3600");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = $"Roll the secret of {url}" }).ClickAsync();
        await Assertions.Expect(secret).Not.ToHaveTextAsync(first);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "previous secret still signs until" })).ToBeVisibleAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = $"Delete {url}" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm delete" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Empty(tab.Errors);
    }

    private static string Signature(string secret, IReadOnlyDictionary<string, string> headers, string body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = $"{headers["webhook-id"]}.{headers["webhook-timestamp"]}.{body}";
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
    }
}
