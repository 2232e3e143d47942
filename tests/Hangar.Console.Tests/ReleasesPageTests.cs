using System.Text.Json;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Releases;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>The release graph, a release made from a bundle in the browser, and a halt that says what it will do first.</summary>
public sealed class ReleasesPageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateRelease_FromABundle_ShowsItInTheGraph_AndHaltsItAfterTheConfirmation()
    {
        var product = $"rel-{Guid.CreateVersion7():N}"[..16];
        var (cohort, bundle) = await FleetWithBundleAsync(product);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Releases");

        await tab.Page.GetByLabel("Cohort", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{product} / stable" });
        await tab.Page.GetByLabel("Release name").FillAsync("spring");
        await tab.Page.GetByLabel("Bundle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = bundle });
        await tab.Page.GetByLabel("Version (semantic, optional)").FillAsync("1.0.0");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create release" }).ClickAsync();

        await Assertions.Expect(tab.Page.Locator("svg.release-graph g[data-release='spring']")).ToContainTextAsync("1.0.0 · latest");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Release spring" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByText("0 of 2 devices in the cohort offered it")).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Halt" }).ClickAsync();
        var dialog = tab.Page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"Halt spring? The 2 devices of cohort {product} / stable stop being offered bundle {bundle} (sha256:");
        Assert.Null((await world.Server.Api.Releases.GetAsync(await ReleaseIdAsync(cohort), Cancel)).HaltedAt);
        await dialog.GetByLabel("Reason (kept on the release and in its event)").FillAsync("boot loop on rev B boards");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, halt" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByTestId("release-state")).ToHaveTextAsync("halted");
        await Assertions.Expect(tab.Page.Locator("svg.release-graph g.halted[data-release='spring']")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        var halted = await world.Server.Api.Releases.GetAsync(await ReleaseIdAsync(cohort), Cancel);
        Assert.Equal("boot loop on rev B boards", halted.HaltReason);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Operator_WidensThePhase_ThenPhasesByTagsFromADate_AndARefusedPhaseChangesNothing()
    {
        var product = $"relp-{Guid.CreateVersion7():N}"[..16];
        var (cohort, bundle) = await FleetWithBundleAsync(product);
        var release = await world.Server.Api.Releases.CreateAsync(new CreateReleaseRequest("summer", cohort.ToString(), bundle, PhaseValue: 0.1m), cancellationToken: Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world, $"releases?cohort={release.CohortId}&release={release.Id}");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        var share = tab.Page.GetByLabel("Share (0 to 1; 1 is everyone) or number of devices (2 or more)");
        var save = tab.Page.GetByRole(AriaRole.Button, new() { Name = "Save phase and schedule" });
        await Assertions.Expect(share).ToHaveValueAsync("0.1");

        await share.FillAsync("0.5");
        await save.ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("Saved at")).ToBeVisibleAsync();
        Assert.Equal(0.5m, (await world.Server.Api.Releases.GetAsync(release.Id.ToString(), Cancel)).PhaseValue);
        await Assertions.Expect(tab.Page.Locator("dd", new() { HasText = "of the cohort" })).ToContainTextAsync("50");

        // Neither a share (at most 1) nor a number of devices (a whole number from 2): the server says why.
        await share.FillAsync("1.5");
        await save.ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("phase_value: must be a fraction from 0 to 1");
        Assert.Equal(0.5m, (await world.Server.Api.Releases.GetAsync(release.Id.ToString(), Cancel)).PhaseValue);

        await tab.Page.GetByLabel("Devices with any of some tags").CheckAsync();
        await tab.Page.GetByLabel("Tags, separated by commas").FillAsync("beta, lab");
        await tab.Page.GetByLabel("Offer it only from a date").CheckAsync();
        await tab.Page.GetByLabel("From (UTC)").FillAsync("2027-01-15T08:30");
        await save.ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator("dd", new() { HasText = "devices tagged" })).ToHaveTextAsync("devices tagged beta or lab");
        var phased = await world.Server.Api.Releases.GetAsync(release.Id.ToString(), Cancel);
        Assert.Equal("tags", phased.PhaseMode);
        Assert.Equal(["beta", "lab"], phased.PhaseTags);
        Assert.Equal(new DateTime(2027, 1, 15, 8, 30, 0, DateTimeKind.Utc), phased.ScheduleDate);

        await tab.Page.GetByLabel("Offer it only from a date").UncheckAsync();
        await save.ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("offered now")).ToBeVisibleAsync();
        Assert.Null((await world.Server.Api.Releases.GetAsync(release.Id.ToString(), Cancel)).ScheduleDate);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Viewer_SeesTheReleaseButNoHalt_AndAForcedHaltIsRefused()
    {
        var product = $"relv-{Guid.CreateVersion7():N}"[..16];
        var (cohort, bundle) = await FleetWithBundleAsync(product);
        var release = await world.Server.Api.Releases.CreateAsync(new CreateReleaseRequest("autumn", cohort.ToString(), bundle), cancellationToken: Cancel);
        var (email, password) = await TestMembers.ViewerAsync(world.Server.Api, "release-viewer");
        await using var tab = await ConsoleTab.OpenAsync(world, $"releases?cohort={release.CohortId}&release={release.Id}");
        await tab.SignInAsync(email, password);

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Release autumn" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByText("0 of 2 devices in the cohort offered it")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Halt" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create release" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Save phase and schedule" })).ToHaveCountAsync(0);

        // The session's own cookie and CSRF token, sent by hand: the API refuses what the page does not offer.
        var session = await tab.Page.APIRequest.GetAsync("api/v1/session");
        var csrf = JsonDocument.Parse(await session.TextAsync()).RootElement.GetProperty("csrf_token").GetString()!;
        var forced = await tab.Page.APIRequest.PostAsync($"api/v1/releases/{release.Id}/halt", new()
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf },
            DataObject = new Dictionary<string, string> { ["reason"] = "forced by a viewer" },
        });
        Assert.Equal(403, forced.Status);
        Assert.Contains("\"code\":\"insufficient_role\"", (await forced.TextAsync()).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null((await world.Server.Api.Releases.GetAsync(release.Id.ToString(), Cancel)).HaltedAt);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Rollout_FollowsADeviceAsItChecksDownloadsAndInstalls_WithoutAReload_UntilHalted()
    {
        var product = $"liv-{Guid.CreateVersion7():N}"[..16];
        var (cohort, bundle) = await FleetWithBundleAsync(product);
        await using var device = await TestDevice.RegisterAsync(world.Server, $"{product}-unit", product);
        await world.Server.Api.Devices.UpdateAsync(device.Device.Id.ToString(), new UpdateDeviceRequest(CohortId: cohort.ToString()), Cancel);
        var bundleId = (await world.Server.Api.Bundles.ListAsync(new Hangar.Client.ListOptions(Search: $"name:'{bundle}'"), Cancel)).Data.Single().Id;
        var release = await world.Server.Api.Releases.CreateAsync(new CreateReleaseRequest("spring", cohort.ToString(), bundleId.ToString(), Version: "1.0.0", VersionRequirement: "< 1.0.0"), cancellationToken: Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Releases");
        await tab.Page.GetByLabel("Cohort", new() { Exact = true }).SelectOptionAsync(cohort.ToString());
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "spring" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("0 of 3 devices in the cohort offered it")).ToBeVisibleAsync();
        // Survives only as long as the document does: a reload would lose it.
        await tab.Page.EvaluateAsync("() => window.stillTheSamePage = true");

        var offer = await device.CheckForUpdateAsync("0.9.0");
        Assert.True(offer.Status == "update", $"{offer.Status}: {offer.Reason}");
        await Assertions.Expect(tab.Page.GetByText("1 of 3 devices in the cohort offered it")).ToBeVisibleAsync();
        await device.ReportAsync(release.Id, "downloading", progress: 40);
        await Assertions.Expect(tab.Page.GetByTestId("state-downloading")).ToHaveTextAsync("1");
        await device.ReportAsync(release.Id, "installing");
        await Assertions.Expect(tab.Page.GetByTestId("state-installing")).ToHaveTextAsync("1");
        await Assertions.Expect(tab.Page.GetByTestId("state-downloading")).ToHaveCountAsync(0);

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Halt" }).ClickAsync();
        var dialog = tab.Page.GetByRole(AriaRole.Alertdialog);
        await dialog.GetByLabel("Reason (kept on the release and in its event)").FillAsync("watching a bad install");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, halt" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("release-state")).ToHaveTextAsync("halted");
        // Halted, the release is offered no more: the next check of the device gets nothing new.
        Assert.NotEqual("update", (await device.CheckForUpdateAsync("0.9.0")).Status);
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.Empty(tab.Errors);
    }

    /// <summary>A product with a cohort "stable" of two devices, and a signed bundle: the cohort's id and the bundle's name.</summary>
    private async Task<(Guid Cohort, string Bundle)> FleetWithBundleAsync(string product)
    {
        var api = world.Server.Api;
        var created = await api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        var cohort = await api.Cohorts.CreateAsync(new CreateCohortRequest("stable", created.Id.ToString()), cancellationToken: Cancel);
        await api.Devices.ImportAsync(new ImportDevicesRequest($"{product}-a,,,{product},{cohort.Id}\n{product}-b,,,{product},{cohort.Id}\n"), Cancel);
        return (cohort.Id, (await TestFirmware.SignedBundleAsync(api, $"{product}-fw", "portable")).Name!);
    }

    private async Task<string> ReleaseIdAsync(Guid cohort) =>
        (await world.Server.Api.Releases.ListAsync(new Hangar.Client.ListOptions(Search: $"cohort_id:'{cohort}'"), Cancel)).Data.Single().Id.ToString();
}
