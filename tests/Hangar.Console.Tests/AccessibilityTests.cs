using Hangar.Contracts.Devices;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Telemetry;
using Hangar.Contracts.Tunnels;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// Every page, with data on it, passes axe-core's WCAG 2.1 A and AA rules on a laptop screen and on a phone; and the
/// keyboard reaches the content first through the skip link, then moves through the navigation in reading order.
/// </summary>
public sealed class AccessibilityTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPage_PassesWcag21AA_OnALaptopAndAPhone()
    {
        var product = $"a11y-{Guid.CreateVersion7():N}"[..16];
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        var cohort = await world.Server.Api.Cohorts.CreateAsync(new CreateCohortRequest("stable", product), cancellationToken: Cancel);
        await world.Server.Api.Devices.ImportAsync(new ImportDevicesRequest($"{product}-gw-001,Hall A,\"lab,eu\",{product},stable\n"), Cancel);
        var bundle = await TestFirmware.SignedBundleAsync(world.Server.Api, $"{product}-rootfs", "aarch64-unknown-linux-gnu");
        await world.Server.Api.Releases.CreateAsync(new CreateReleaseRequest("spring", cohort.Id.ToString(), bundle.Id.ToString(), Version: "1.0.0"), cancellationToken: Cancel);
        await using var device = await TestDevice.RegisterAsync(world.Server, $"{product}-unit", product);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await device.SendTelemetryAsync(new TelemetryBatchRequest([], [new HeartbeatRequest(now.AddMinutes(-1), Load1: 0.5, AgentVersion: "1.4.0")]));
        await Rollups.WaitForAsync(world.Server, "heartbeat.load1", "product", device.Device.ProductId.ToString(), devices: 1);
        await device.ConnectAsync();
        await device.WaitUntilOnlineAsync();
        await world.Server.Api.Tunnels.CreateAsync(new CreateTunnelRequest(device.Device.Id.ToString(), 22, 900), Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        var findings = new List<string>();

        foreach (var (width, height) in new[] { (1280, 720), (390, 844) })
        {
            await tab.Page.SetViewportSizeAsync(width, height);
            if (width > 400)
            {
                await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeEnabledAsync();
                await CheckAsync(tab, "sign-in", findings);
                await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
            }

            foreach (var (path, heading, loaded) in Pages(product, device.Device.Identifier, cohort.Id, world.Server.OwnerEmail))
            {
                await tab.Page.GotoAsync(path);
                await tab.WaitForStartAsync();
                await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
                await Assertions.Expect(tab.Page.Locator("main")).ToContainTextAsync(loaded);
                await CheckAsync(tab, $"{path} at {width}x{height}", findings);
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public async Task Keyboard_SkipsToTheContent_ThenWalksTheNavigationInOrder()
    {
        await using var tab = await ConsoleTab.OpenAsync(world, "devices");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.Page.GotoAsync("devices");
        await tab.WaitForStartAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Devices", Level = 1 })).ToBeVisibleAsync();
        await tab.Page.EvaluateAsync("() => document.activeElement.blur()");

        await tab.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await FocusedTextAsync(tab));
        await tab.Page.Keyboard.PressAsync("Enter");
        await tab.Page.Keyboard.PressAsync("Tab");
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            $"after the skip link, Tab went to '{await FocusedTextAsync(tab)}' outside the content");

        // From the top again: past the skip link and the top bar, the navigation's links come in the order shown.
        await tab.Page.EvaluateAsync("() => document.activeElement.blur()");
        var reached = new List<string>();
        for (var press = 0; press < 30 && reached.Count < 3; press++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            if (await tab.Page.EvaluateAsync<bool>("() => !!document.activeElement.closest('nav')"))
            {
                reached.Add(await FocusedTextAsync(tab));
            }
        }

        Assert.Equal(["Fleet", "Devices", "Products and cohorts"], reached);
    }

    /// <summary>Each page's address, heading, and a text its data shows once loaded (lists and charts fill in after the heading).</summary>
    private static IEnumerable<(string Path, string Heading, string Loaded)> Pages(string product, string device, Guid cohort, string owner) =>
    [
        ("fleet", "Fleet", "Live"),
        ("devices", "Devices", $"{product}-gw-001"),
        ($"devices/{device}", $"Device {device}", "Last heartbeat"),
        ("products", "Products and cohorts", product),
        ("firmware", "Firmware", $"{product}-rootfs"),
        ("bundles", "Bundles", $"{product}-rootfs"),
        ($"releases?cohort={cohort}", "Releases", "spring"),
        ($"fleet-metrics?name=heartbeat.load1&group_by=product", "Metrics", product),
        ("tunnels", "Tunnels", device),
        ("certificates", "CA certificates", "Register"),
        ("members", "Members and API keys", owner),
        ("audit", "Audit log", "product.create"),
        ("webhooks", "Webhooks", "Create"),
    ];

    private static async Task CheckAsync(ConsoleTab tab, string page, List<string> findings)
    {
        foreach (var violation in await AxeCheck.ViolationsAsync(tab.Page))
        {
            findings.Add($"{page}: {violation}");
        }
    }

    private static Task<string> FocusedTextAsync(ConsoleTab tab) =>
        tab.Page.EvaluateAsync<string>("() => (document.activeElement.innerText || document.activeElement.getAttribute('aria-label') || document.activeElement.id || '').trim()");
}
