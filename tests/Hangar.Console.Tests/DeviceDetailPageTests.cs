using Hangar.Contracts.Devices;
using Hangar.Contracts.Telemetry;
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

    [Fact]
    public async Task Vitals_ShowTheLatestHeartbeat_AndAMetricAsLinesAndNumbers()
    {
        var product = $"vit-{Guid.CreateVersion7():N}"[..16];
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        await using var device = await TestDevice.RegisterAsync(world.Server, $"{product}-unit", product);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await device.SendTelemetryAsync(new TelemetryBatchRequest(
            [.. Enumerable.Range(0, 3).Select(i => new MetricPointRequest("app.queue_length", 10 + i, now.AddMinutes(i - 3), "{item}"))],
            [new HeartbeatRequest(now, UptimeSeconds: 90_061, Load1: 0.5, Load5: 0.25, Load15: 0.125, MemoryTotalBytes: 1L << 30, MemoryAvailableBytes: 1L << 29,
                Disks: [new HeartbeatDisk("/data", 8L << 30, 2L << 30)], AgentVersion: "9.8.7")]));
        await using var tab = await ConsoleTab.OpenAsync(world, $"devices/{device.Device.Identifier}");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        var heartbeat = tab.Page.GetByLabel("Latest heartbeat");
        await Assertions.Expect(heartbeat).ToContainTextAsync("9.8.7");
        await Assertions.Expect(heartbeat).ToContainTextAsync("1d 01:01");
        await Assertions.Expect(heartbeat).ToContainTextAsync("2.00 GiB free of 8.00 GiB");
        // The default chart is the heartbeat's load, stored as a series like any metric.
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Img, new() { NameRegex = new("^heartbeat\\.load1") })).ToBeVisibleAsync();

        await tab.Page.GetByLabel("Metric").FillAsync("app.queue_length");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Img, new() { NameRegex = new("^app\\.queue_length") })).ToBeVisibleAsync();
        var row = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Series" }).Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(["—", "{item}", "3", "10", "12", "12"]);
        await tab.Page.GetByLabel("Metric").FillAsync("app.never_sent");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("No points of app.never_sent in that window.")).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Tunnel_OpensThroughTheAgent_ShowsItsTokenOnce_AndCloses_AndAnOfflineDeviceIsRefused()
    {
        var product = $"tun-{Guid.CreateVersion7():N}"[..16];
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        await using var device = await TestDevice.RegisterAsync(world.Server, $"{product}-unit", product);
        await using var tab = await ConsoleTab.OpenAsync(world, $"devices/{device.Device.Identifier}");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        var open = tab.Page.GetByRole(AriaRole.Button, new() { Name = "Open tunnel" });

        // No control socket yet: the server cannot ask the agent, says so, and creates nothing.
        await open.ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("device_offline");
        Assert.Empty((await world.Server.Api.Tunnels.ListAsync(new(Search: $"device_id:'{device.Device.Id}'"), Cancel)).Data);

        await device.ConnectAsync();
        await device.WaitUntilOnlineAsync();
        await tab.Page.GetByLabel("Port on the device").FillAsync("2222");
        await tab.Page.GetByLabel("Closes after").SelectOptionAsync("15");
        await open.ClickAsync();

        var token = await tab.Page.GetByTestId("tunnel-token").TextContentAsync();
        Assert.StartsWith("hgt_", token, StringComparison.Ordinal);
        var state = tab.Page.GetByTestId("tunnel-state");
        await Assertions.Expect(state).ToHaveTextAsync("open");
        var tunnel = Assert.Single((await world.Server.Api.Tunnels.ListAsync(new(Search: $"device_id:'{device.Device.Id}'"), Cancel)).Data);
        Assert.Equal((2222, "open"), (tunnel.DevicePort, tunnel.State));
        Assert.InRange(tunnel.ExpiresAt - tunnel.CreatedAt, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Extend to 1 h from now" }).ClickAsync();
        // The button's answer replaces the row; its expiry is read back from the API.
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Tunnels" })).Not.ToContainTextAsync(Shown(tunnel.ExpiresAt));
        Assert.True((await world.Server.Api.Tunnels.GetAsync(tunnel.Id.ToString(), Cancel)).ExpiresAt > tunnel.ExpiresAt.AddMinutes(30));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Close tunnel" }).ClickAsync();

        await Assertions.Expect(state).ToHaveTextAsync("closed (user)");
        Assert.Equal("closed", (await world.Server.Api.Tunnels.GetAsync(tunnel.Id.ToString(), Cancel)).State);
        // Reloaded, the page lists the tunnel but never its token again.
        await tab.Page.ReloadAsync();
        await tab.WaitForStartAsync();
        await Assertions.Expect(state).ToHaveTextAsync("closed (user)");
        await Assertions.Expect(tab.Page.GetByTestId("tunnel-token")).ToHaveCountAsync(0);
        Assert.Empty(tab.Errors);
        Assert.Contains(tab.FailedRequests, failed => failed.Contains("409", StringComparison.Ordinal));
    }

    private static string Shown(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
