using Hangar.Contracts.Access;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>The cookie session from the browser: sign-in, a wrong password's problem, reload, sign-out.</summary>
public sealed class SignInTests(ConsoleWorld world)
{
    [Fact]
    public async Task SignIn_AsOwner_OpensTheFleetDashboard_AndSurvivesAReload()
    {
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByTestId("role")).ToHaveTextAsync("owner");
        Assert.EndsWith("/fleet", tab.Page.Url, StringComparison.Ordinal);

        await tab.Page.ReloadAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Hangar" })).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
        Assert.Empty(tab.FailedRequests);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsTheProblem()
    {
        var email = $"wrong-{Guid.CreateVersion7():N}@example.com";
        var added = await world.Server.Api.Members.AddAsync(new AddMemberRequest(email, "viewer"), cancellationToken: TestContext.Current.CancellationToken);
        await world.Server.Api.Members.AcceptInvitationAsync(
            new AcceptInvitationRequest(added.InvitationToken!, "correct horse battery"), TestContext.Current.CancellationToken);
        await using var tab = await ConsoleTab.OpenAsync(world);

        await tab.Page.GetByLabel("Email").FillAsync(email);
        await tab.Page.GetByLabel("Password").FillAsync("not the password");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid_credentials");
        Assert.Empty(tab.Errors);
    }
}
