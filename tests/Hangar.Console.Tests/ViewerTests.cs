using System.Text.Json;
using Hangar.Contracts.Access;
using Hangar.Contracts.Devices;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>A viewer is offered nothing it may not do; and when it tries anyway, the API (not the console) refuses.</summary>
public sealed class ViewerTests(ConsoleWorld world)
{
    private const string Password = "viewer password 1";

    [Fact]
    public async Task Viewer_SeesNoMutatingControls_AndAForcedCallIsRefused()
    {
        var email = $"viewer-{Guid.CreateVersion7():N}@example.com";
        var product = $"view-{Guid.CreateVersion7():N}"[..16];
        var device = $"{product}-seen";
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: TestContext.Current.CancellationToken);
        await world.Server.Api.Devices.ImportAsync(new ImportDevicesRequest($"{device},,,{product}\n"), TestContext.Current.CancellationToken);
        var added = await world.Server.Api.Members.AddAsync(new AddMemberRequest(email, "viewer"), cancellationToken: TestContext.Current.CancellationToken);
        await world.Server.Api.Members.AcceptInvitationAsync(new AcceptInvitationRequest(added.InvitationToken!, Password), TestContext.Current.CancellationToken);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(email, Password);
        await Assertions.Expect(tab.Page.GetByTestId("role")).ToHaveTextAsync("viewer");
        await tab.GoAsync("Devices");

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Devices" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Import devices from CSV" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Change the selected devices" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Select all shown" })).ToHaveCountAsync(0);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = device }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Update history" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Quarantine" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Tunnels" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Open tunnel" })).ToHaveCountAsync(0);

        await tab.GoAsync("Products and cohorts");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Products" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" })).ToHaveCountAsync(0);

        await tab.GoAsync("Members and API keys");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Members" })).ToContainTextAsync(email);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Add member" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create API key" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" })).ToHaveCountAsync(0);

        // The same cookie and CSRF token the console holds, sent by hand: the server decides, whatever the page shows.
        var session = await tab.Page.APIRequest.GetAsync("api/v1/session");
        var csrf = JsonDocument.Parse(await session.TextAsync()).RootElement.GetProperty("csrf_token").GetString()!;
        var forced = await tab.Page.APIRequest.PostAsync("api/v1/products", new()
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf },
            DataObject = new Dictionary<string, string> { ["name"] = "forced-by-viewer" },
        });
        Assert.Equal(403, forced.Status);
        Assert.Contains("\"code\":\"insufficient_role\"", (await forced.TextAsync()).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(tab.Errors);
    }
}
