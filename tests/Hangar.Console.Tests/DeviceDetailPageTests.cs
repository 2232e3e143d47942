using Hangar.Contracts.Devices;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

public sealed class DeviceDetailPageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Quarantine_SaysWhatWillHappen_ThenQuarantinesTheDevice()
    {
        var product = $"det-{Guid.CreateVersion7():N}"[..16];
        var identifier = $"{product}-unit";
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        await world.Server.Api.Cohorts.CreateAsync(new CreateCohortRequest("field", product), cancellationToken: Cancel);
        await world.Server.Api.Devices.ImportAsync(new ImportDevicesRequest($"{identifier},,\"lab,eu\",{product},field\n"), Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Devices");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = identifier }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = $"Device {identifier}" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("dl.facts")).ToContainTextAsync("field");
        await Assertions.Expect(tab.Page.Locator("dl.facts")).ToContainTextAsync("eu, lab"); // the API lists tags sorted

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Quarantine" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("offered no updates until released");
        Assert.False((await world.Server.Api.Devices.GetAsync(identifier, Cancel)).Quarantined);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, quarantine" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByTestId("device-state")).ToHaveTextAsync("quarantined");
        Assert.True((await world.Server.Api.Devices.GetAsync(identifier, Cancel)).Quarantined);
        Assert.Empty(tab.Errors);
    }
}
