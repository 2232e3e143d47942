using Hangar.Contracts.Devices;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Telemetry;
using Hangar.Contracts.Tunnels;
using Hangar.Contracts.Updates;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// Walks the main pages as the owner with some real data, checking each renders without errors, and keeps a
/// screenshot of each (desktop, and the devices and fleet pages on a phone) for docs/images/ (scripts/console-docs).
/// </summary>
public sealed class ScreenshotTourTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MainPages_RenderWithData_WithoutErrors()
    {
        var product = $"tour-{Guid.CreateVersion7():N}"[..16];
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        var cohort = await world.Server.Api.Cohorts.CreateAsync(new CreateCohortRequest("stable", product), cancellationToken: Cancel);
        await world.Server.Api.Devices.ImportAsync(new ImportDevicesRequest(
            $"{product}-gw-001,Hall A,\"lab,eu\",{product},stable\n{product}-gw-002,Hall B,eu,{product},stable\n{product}-gw-003,Spare,,{product}\n"), Cancel);
        var bundle = await TestFirmware.SignedBundleAsync(world.Server.Api, $"{product}-rootfs", "aarch64-unknown-linux-gnu");
        var spring = await world.Server.Api.Releases.CreateAsync(new CreateReleaseRequest("spring", cohort.Id.ToString(), bundle.Id.ToString(), Required: true, Version: "1.0.0"), cancellationToken: Cancel);
        await world.Server.Api.Releases.CreateAsync(new CreateReleaseRequest("summer", cohort.Id.ToString(), bundle.Id.ToString(), Version: "1.1.0", PhaseValue: 0.5m), cancellationToken: Cancel);
        // One device reports running spring (and is offered summer), so the dashboard has a release to show.
        await world.Server.Api.Devices.GetUpdateAsync($"{product}-gw-001", new AdminUpdateCheckRequest(Release: spring.Id.ToString(), ReleaseVersion: "1.0.0", Write: true), Cancel);
        await world.Server.Api.Devices.UpdateAsync($"{product}-gw-003", new UpdateDeviceRequest(Quarantined: true), Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.Page.SetViewportSizeAsync(1280, 720);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeEnabledAsync();
        await ShootAsync(tab, "console-sign-in");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        await Assertions.Expect(tab.Page.GetByTestId("stream-status")).ToContainTextAsync("Live");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Update outcomes per release" })).ToContainTextAsync("summer");
        await ShootAsync(tab, "console-fleet");

        await tab.GoAsync("Devices");
        await tab.Page.GetByLabel("Search", new() { Exact = true }).FillAsync($"identifier-'{product}'");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Devices" }).Locator("tbody tr")).ToHaveCountAsync(3);
        await ShootAsync(tab, "console-devices");

        await tab.GoAsync("Products and cohorts");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Products" })).ToContainTextAsync(product);
        await ShootAsync(tab, "console-products");

        await tab.GoAsync("Firmware");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = $"{product}-rootfs 1.0.0" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("binary-state")).ToHaveTextAsync("signed");
        await ShootAsync(tab, "console-firmware");

        await tab.GoAsync("Releases");
        await tab.Page.GetByLabel("Cohort", new() { Exact = true }).SelectOptionAsync(cohort.Id.ToString());
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "summer" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("1 of 2 devices in the cohort offered it")).ToBeVisibleAsync();
        await ShootAsync(tab, "console-releases");

        using (var ca = new TestCertificateAuthority($"{product} devices CA"))
        {
            var code = await world.Server.Api.CaCertificates.CreateVerificationCodeAsync(Cancel);
            await world.Server.Api.CaCertificates.CreateAsync(new CreateCaCertificateRequest(ca.Pem, ca.VerificationPem(code.VerificationCode),
                Jitp: new JitpRequest(product, "stable", ["field"])), cancellationToken: Cancel);
            await tab.GoAsync("Certificates");
            await Assertions.Expect(tab.Page.Locator($"tr[data-fingerprint='{ca.Fingerprint}']")).ToContainTextAsync("into");
            await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Get a verification code" }).ClickAsync();
            await Assertions.Expect(tab.Page.GetByTestId("verification-code")).ToBeVisibleAsync();
            await ShootAsync(tab, "console-certificates");
        }

        // Two devices with certificates send heartbeats; one holds its control socket and gets an SSH tunnel.
        await using var north = await ReportingDeviceAsync(product, "gw-010", cohort.Id, load: 0.42);
        var canary = await world.Server.Api.Cohorts.CreateAsync(new CreateCohortRequest("canary", product), cancellationToken: Cancel);
        await using var south = await ReportingDeviceAsync(product, "gw-011", canary.Id, load: 1.3);
        await north.ConnectAsync();
        await north.WaitUntilOnlineAsync();
        await world.Server.Api.Tunnels.CreateAsync(new CreateTunnelRequest(north.Device.Id.ToString(), 22, 3600, ["203.0.113.0/24"]), Cancel);
        await Rollups.WaitForAsync(world.Server, "heartbeat.load1", "cohort", cohort.Id.ToString(), devices: 1);
        await Rollups.WaitForAsync(world.Server, "heartbeat.load1", "cohort", canary.Id.ToString(), devices: 1);
        await tab.GoAsync("Metrics");
        await tab.Page.GetByLabel("per", new() { Exact = true }).SelectOptionAsync("cohort");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Value per group" })).ToContainTextAsync("canary");
        await ShootAsync(tab, "console-metrics");
        await tab.GoAsync("Tunnels");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Tunnels" }).Locator("tbody tr").First.GetByTestId("tunnel-state")).ToHaveTextAsync("open");
        await ShootAsync(tab, "console-tunnels");

        await tab.GoAsync("Members and API keys");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Members" })).ToContainTextAsync(world.Server.OwnerEmail);
        await ShootAsync(tab, "console-members");

        await tab.GoAsync("Audit log");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Audit log" })).ToContainTextAsync("product.create");
        await ShootAsync(tab, "console-audit");

        await tab.Page.SetViewportSizeAsync(390, 844);
        await tab.GoAsync("Devices");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Devices", Level = 1 })).ToBeVisibleAsync();
        await ShootAsync(tab, "console-devices-phone");
        await tab.GoAsync("Fleet");
        await Assertions.Expect(tab.Page.GetByTestId("stream-status")).ToContainTextAsync("Live");
        await ShootAsync(tab, "console-fleet-phone");
        Assert.Empty(tab.Errors);
    }

    private async Task<TestDevice> ReportingDeviceAsync(string product, string name, Guid cohort, double load)
    {
        var device = await TestDevice.RegisterAsync(world.Server, $"{product}-{name}", product);
        await world.Server.Api.Devices.UpdateAsync(device.Device.Id.ToString(), new UpdateDeviceRequest(CohortId: cohort.ToString()), Cancel);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await device.SendTelemetryAsync(new TelemetryBatchRequest([], [new HeartbeatRequest(now.AddMinutes(-1), Load1: load, AgentVersion: "1.4.0")]));
        return device;
    }

    private static async Task ShootAsync(ConsoleTab tab, string name) =>
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFiles.PathFor($"{name}.png"), FullPage = true });
}
