using Hangar.Contracts.Devices;
using Hangar.Contracts.Tunnels;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

public sealed class TunnelsPageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryTunnel_IsListedWithItsDevice_FilteredByState_AndAnOperatorClosesOne_WhileAViewerOnlyReads()
    {
        var product = $"tls-{Guid.CreateVersion7():N}"[..16];
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        await using var device = await TestDevice.RegisterAsync(world.Server, $"{product}-unit", product);
        await device.ConnectAsync();
        await device.WaitUntilOnlineAsync();
        var ssh = (await world.Server.Api.Tunnels.CreateAsync(new CreateTunnelRequest(device.Device.Id.ToString(), 22, 900, null), Cancel)).Tunnel;
        var web = (await world.Server.Api.Tunnels.CreateAsync(new CreateTunnelRequest(device.Device.Id.ToString(), 8080, 900, null), Cancel)).Tunnel;
        await world.Server.Api.Tunnels.CloseAsync(web.Id.ToString(), Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        await tab.GoAsync("Tunnels");
        var table = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Tunnels" });
        var sshRow = table.Locator("tbody tr").Filter(new() { HasText = device.Device.Identifier }).Filter(new() { HasText = "22" }).Filter(new() { HasNotText = "8080" });
        // The agent accepts the port moments after the request; the page follows without a reload.
        await Assertions.Expect(sshRow.GetByTestId("tunnel-state")).ToHaveTextAsync("open");
        await Assertions.Expect(table.Locator("tbody tr").Filter(new() { HasText = "8080" }).GetByTestId("tunnel-state")).ToHaveTextAsync("closed (user)");

        await tab.Page.GetByLabel("Show").SelectOptionAsync("open");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(table.Locator("tbody tr").Filter(new() { HasText = "8080" })).ToHaveCountAsync(0);
        await Assertions.Expect(sshRow).ToHaveCountAsync(1);
        Assert.Contains("state=open", tab.Page.Url, StringComparison.Ordinal);

        await sshRow.GetByRole(AriaRole.Button, new() { Name = "Close tunnel" }).ClickAsync();
        await Assertions.Expect(sshRow.GetByTestId("tunnel-state")).ToHaveTextAsync("closed (user)");
        Assert.Equal("closed", (await world.Server.Api.Tunnels.GetAsync(ssh.Id.ToString(), Cancel)).State);

        await sshRow.GetByRole(AriaRole.Link, new() { Name = device.Device.Identifier }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = $"Device {device.Device.Identifier}" })).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);

        var viewer = await TestMembers.ViewerAsync(world.Server.Api, "tunnels-viewer");
        await using var viewerTab = await ConsoleTab.OpenAsync(world, "tunnels");
        await viewerTab.SignInAsync(viewer.Email, viewer.Password);
        await Assertions.Expect(viewerTab.Page.GetByRole(AriaRole.Table, new() { Name = "Tunnels" })).ToContainTextAsync(device.Device.Identifier);
        await Assertions.Expect(viewerTab.Page.GetByRole(AriaRole.Button, new() { Name = "Close tunnel" })).ToHaveCountAsync(0);
        await Assertions.Expect(viewerTab.Page.GetByRole(AriaRole.Button, new() { Name = "Extend to 1 h from now" })).ToHaveCountAsync(0);
    }
}
