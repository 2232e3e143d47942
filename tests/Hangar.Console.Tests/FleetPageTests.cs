using Hangar.Contracts.Devices;
using Hangar.Contracts.Fleet;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Updates;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// The fleet dashboard shows the API's summary, and keeps it current from the event stream while it is open: new
/// events appear and the numbers move without a reload, also after the stream dropped.
/// </summary>
public sealed class FleetPageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_OfASeededProduct_ShowsTheNumbersOfTheApiSummary()
    {
        var fleet = await SeededFleetAsync("fleet");
        await using var tab = await ConsoleTab.OpenAsync(world, $"fleet?product={fleet.ProductId}");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        var summary = await world.Server.Api.Fleet.SummaryAsync(fleet.ProductId.ToString(), cancellationToken: Cancel);
        Assert.Equal(5, summary.Devices.Total);
        Assert.Equal(1, summary.Devices.Quarantined);
        await ExpectDeviceNumbersAsync(tab, summary.Devices);
        var devicesChart = tab.Page.GetByRole(AriaRole.Img, new() { Name = "Devices by state" });
        await Assertions.Expect(devicesChart).ToHaveAttributeAsync("aria-label",
            $"Devices by state: 5 in all; {summary.Devices.Online} online, {5 - summary.Devices.Online - summary.Devices.OfflineOver24h - summary.Devices.NeverConnected} offline under 24 hours, "
            + $"{summary.Devices.OfflineOver24h} offline over 24 hours, {summary.Devices.NeverConnected} never connected; 1 quarantined, {summary.Devices.Unhealthy} unhealthy.");

        var cohorts = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Releases and versions per cohort" });
        foreach (var cohort in summary.Cohorts)
        {
            await Assertions.Expect(cohorts.Locator("tr", new() { HasText = $"{fleet.Product} / {cohort.CohortName}" }).Locator("td")).ToHaveTextAsync(
                [$"{fleet.Product} / {cohort.CohortName}", $"{cohort.Devices}", Counts(cohort.Releases.Select(r => (r.ReleaseName, r.Devices))),
                    Counts(cohort.Versions.Select(v => (v.Version, v.Devices)))]);
        }

        // The seeded device that reports the release, counted in its cohort's bar and in the chart's label.
        var stable = summary.Cohorts.Single(c => c.CohortName == "stable");
        Assert.Contains(stable.Releases, r => r.ReleaseName == "spring" && r.Devices == 1);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Img, new() { Name = "Devices per cohort by release" }))
            .ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"{fleet.Product} / stable · 3 devices: none 2, spring 1"));
        await tab.Page.GetByLabel("by version").CheckAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Img, new() { Name = "Devices per cohort by version" }))
            .ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"{fleet.Product} / stable · 3 devices: [^;]*1\\.0\\.0 1"));

        var outcomes = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Update outcomes per release" });
        foreach (var release in summary.Releases.Where(r => r.Committed + r.Failed + r.RolledBack + r.Aborted + r.InProgress > 0))
        {
            await Assertions.Expect(outcomes.Locator($"tr[data-release='{release.ReleaseName}'] td")).ToHaveTextAsync(
                [release.ReleaseName, $"{release.Committed}", $"{release.Failed}", $"{release.RolledBack}", $"{release.Aborted}", $"{release.InProgress}", "none finished"]);
        }

        Assert.Contains(summary.Releases, r => r.ReleaseName == "summer" && r.InProgress == 1);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Dashboard_WhileOpen_ShowsNewEventsAndNewNumbers_WithoutAReload()
    {
        var fleet = await SeededFleetAsync("live");
        await using var tab = await ConsoleTab.OpenAsync(world, $"fleet?product={fleet.ProductId}");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await Assertions.Expect(tab.Page.GetByTestId("stream-status")).ToContainTextAsync("Live");
        await Assertions.Expect(tab.Page.GetByTestId("fleet-total")).ToHaveTextAsync("5");
        // Survives only as long as the document does: a reload would lose it.
        await tab.Page.EvaluateAsync("() => window.stillTheSamePage = true");

        var added = $"{fleet.Product}-new";
        await world.Server.Api.Devices.CreateAsync(new CreateDeviceRequest(added, fleet.ProductId.ToString(), fleet.Beta.ToString()), cancellationToken: Cancel);
        await Assertions.Expect(Feed(tab).Locator("tr[data-event-type='device.created']", new() { HasText = added })).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.GetByTestId("fleet-total")).ToHaveTextAsync("6");

        await world.Server.Api.Devices.UpdateAsync(added, new UpdateDeviceRequest(Quarantined: true), Cancel);
        await Assertions.Expect(Feed(tab).Locator("tr[data-event-type='device.updated']", new() { HasText = added })).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.GetByTestId("fleet-quarantined")).ToHaveTextAsync("2");

        await ExpectDeviceNumbersAsync(tab, (await world.Server.Api.Fleet.SummaryAsync(fleet.ProductId.ToString(), cancellationToken: Cancel)).Devices);
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Dashboard_AfterTheStreamFailed_ReconnectsAndResumes_MissingNothing()
    {
        var fleet = await SeededFleetAsync("resume");
        await using var tab = await ConsoleTab.OpenAsync(world, $"fleet?product={fleet.ProductId}");
        // Every stream request fails (as when the server is unreachable) until the route is removed.
        await tab.Page.RouteAsync("**/api/v1/events/stream**", route => route.AbortAsync());
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await Assertions.Expect(tab.Page.GetByTestId("stream-status")).ToContainTextAsync("Reconnecting in");
        await Assertions.Expect(tab.Page.GetByTestId("fleet-total")).ToHaveTextAsync("5");

        var added = $"{fleet.Product}-gap";
        await world.Server.Api.Devices.CreateAsync(new CreateDeviceRequest(added, fleet.ProductId.ToString()), cancellationToken: Cancel);
        await tab.Page.UnrouteAllAsync();

        await Assertions.Expect(tab.Page.GetByTestId("stream-status")).ToContainTextAsync("Live");
        // Created while no stream was open: it arrives because the stream resumed after the newest event shown.
        await Assertions.Expect(Feed(tab).Locator("tr[data-event-type='device.created']", new() { HasText = added })).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.GetByTestId("fleet-total")).ToHaveTextAsync("6");
        // The browser reports each aborted request; nothing else may have gone wrong.
        Assert.All(tab.Errors, error => Assert.Contains("net::ERR_FAILED", error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Viewer_LandsOnTheDashboard_LiveAndWithNoMutatingControls()
    {
        var fleet = await SeededFleetAsync("fleetv");
        var (email, password) = await TestMembers.ViewerAsync(world.Server.Api, "fleet-viewer");
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(email, password);

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/fleet", tab.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link).First).ToHaveTextAsync("Fleet");
        await Assertions.Expect(tab.Page.GetByTestId("stream-status")).ToContainTextAsync("Live");
        await tab.Page.GetByLabel("Product", new() { Exact = true }).SelectOptionAsync(fleet.ProductId.ToString());
        await Assertions.Expect(tab.Page.GetByTestId("fleet-total")).ToHaveTextAsync("5");
        Assert.EndsWith($"/fleet?product={fleet.ProductId}", tab.Page.Url, StringComparison.Ordinal);

        await Assertions.Expect(tab.Page.Locator("main").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator("main form")).ToHaveCountAsync(0);
        Assert.Empty(tab.Errors);
    }

    private static ILocator Feed(ConsoleTab tab) => tab.Page.GetByRole(AriaRole.Table, new() { Name = "Recent events" });

    private static async Task ExpectDeviceNumbersAsync(ConsoleTab tab, FleetDeviceCountsResponse devices)
    {
        await Assertions.Expect(tab.Page.GetByTestId("fleet-total")).ToHaveTextAsync($"{devices.Total}");
        await Assertions.Expect(tab.Page.GetByTestId("fleet-online")).ToHaveTextAsync($"{devices.Online}");
        await Assertions.Expect(tab.Page.GetByTestId("fleet-offline")).ToHaveTextAsync($"{devices.OfflineOver24h}");
        await Assertions.Expect(tab.Page.GetByTestId("fleet-quarantined")).ToHaveTextAsync($"{devices.Quarantined}");
        await Assertions.Expect(tab.Page.GetByTestId("fleet-unhealthy")).ToHaveTextAsync($"{devices.Unhealthy}");
    }

    private static string Counts(IEnumerable<(string? Name, long Devices)> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Name ?? "none"}: {c.Devices}"));

    /// <summary>
    /// A product with cohorts "stable" (three devices) and "beta" (two, one quarantined); in stable, release "spring" and
    /// then "summer". One stable device reports running spring (so summer is offered to it, an update in progress).
    /// </summary>
    private async Task<SeededFleet> SeededFleetAsync(string prefix)
    {
        var api = world.Server.Api;
        var product = $"{prefix}-{Guid.CreateVersion7():N}"[..16];
        var created = await api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        var stable = await api.Cohorts.CreateAsync(new CreateCohortRequest("stable", created.Id.ToString()), cancellationToken: Cancel);
        var beta = await api.Cohorts.CreateAsync(new CreateCohortRequest("beta", created.Id.ToString()), cancellationToken: Cancel);
        await api.Devices.ImportAsync(new ImportDevicesRequest(
            $"{product}-s1,,,{product},{stable.Id}\n{product}-s2,,,{product},{stable.Id}\n{product}-s3,,,{product},{stable.Id}\n"
            + $"{product}-b1,,,{product},{beta.Id}\n{product}-b2,,,{product},{beta.Id}\n"), Cancel);
        await api.Devices.UpdateAsync($"{product}-b2", new UpdateDeviceRequest(Quarantined: true), Cancel);
        var bundle = await TestFirmware.SignedBundleAsync(api, $"{product}-fw", "portable");
        var spring = await api.Releases.CreateAsync(new CreateReleaseRequest("spring", stable.Id.ToString(), bundle.Id.ToString(), Version: "1.0.0"), cancellationToken: Cancel);
        await api.Releases.CreateAsync(new CreateReleaseRequest("summer", stable.Id.ToString(), bundle.Id.ToString(), Version: "1.1.0"), cancellationToken: Cancel);
        var check = await api.Devices.GetUpdateAsync($"{product}-s1", new AdminUpdateCheckRequest(Release: spring.Id.ToString(), ReleaseVersion: "1.0.0", Write: true), Cancel);
        Assert.Equal("summer", check.Release?.Name);
        return new SeededFleet(product, created.Id, beta.Id);
    }

    private sealed record SeededFleet(string Product, Guid ProductId, Guid Beta);
}
