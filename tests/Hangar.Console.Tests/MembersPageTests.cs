using Hangar.Contracts.Access;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

public sealed class MembersPageTests(ConsoleWorld world)
{
    [Fact]
    public async Task CreateApiKey_ShowsTheSecretOnce_AndTheSecretWorks()
    {
        var name = $"ci-{Guid.CreateVersion7():N}"[..16];
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Members and API keys");

        await tab.Page.GetByLabel("Key name").FillAsync(name);
        await tab.Page.GetByLabel("Role").Last.SelectOptionAsync("operator");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();

        var secret = tab.Page.GetByTestId("api-key-secret");
        await Assertions.Expect(secret).ToContainTextAsync("hgr_");
        var row = tab.Page.GetByRole(AriaRole.Table, new() { Name = "API keys" }).Locator("tbody tr").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("operator");
        using (var http = Hangar.Client.HangarClient.CreateHttpClient(world.Server.Address, await secret.InnerTextAsync()))
        {
            var me = await new Hangar.Client.HangarClient(http).Users.MeAsync(TestContext.Current.CancellationToken);
            Assert.Equal("operator", me.Role);
        }

        await tab.Page.ReloadAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(secret).ToHaveCountAsync(0);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task AddMember_ShowsTheInvitationToken_WhichActivatesTheAccount()
    {
        var email = $"new-{Guid.CreateVersion7():N}@example.com";
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Members and API keys");

        await tab.Page.GetByLabel("Member email").FillAsync(email);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();

        var token = tab.Page.GetByTestId("invitation-token");
        await Assertions.Expect(token).Not.ToBeEmptyAsync();
        var row = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Members" }).Locator("tbody tr").Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("invited");
        await world.Server.Api.Members.AcceptInvitationAsync(
            new AcceptInvitationRequest(await token.InnerTextAsync(), "a long enough password"), TestContext.Current.CancellationToken);
        Assert.Empty(tab.Errors);
    }
}
