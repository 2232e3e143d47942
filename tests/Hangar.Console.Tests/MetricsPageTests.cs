using System.Collections.Concurrent;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Telemetry;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

public sealed class MetricsPageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMetricPerCohort_IsDrawnWithNamesAndNumbers_FromAnAssemblyFetchedOnTheFirstVisit()
    {
        var product = $"met-{Guid.CreateVersion7():N}"[..16];
        // A metric only this test's devices send, so the fleet-wide groups are this test's alone.
        var metric = $"app.{product.Replace('-', '_')}";
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        var north = await world.Server.Api.Cohorts.CreateAsync(new CreateCohortRequest("north", product), cancellationToken: Cancel);
        var south = await world.Server.Api.Cohorts.CreateAsync(new CreateCohortRequest("south", product), cancellationToken: Cancel);
        await ReportAsync(product, 1, north.Id, metric, 10);
        await ReportAsync(product, 2, north.Id, metric, 20);
        await ReportAsync(product, 3, south.Id, metric, 40);
        var productId = (await world.Server.Api.Products.GetAsync(product, Cancel)).Id;
        await Rollups.WaitForAsync(world.Server, metric, "product", productId.ToString(), devices: 3);
        await using var tab = await ConsoleTab.OpenAsync(world);
        var fetched = new ConcurrentQueue<string>();
        tab.Page.Request += (_, request) => fetched.Enqueue(request.Url);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        Assert.DoesNotContain(fetched, url => url.Contains("Hangar.Console.Observability", StringComparison.Ordinal));

        await tab.GoAsync("Metrics");
        await tab.Page.GetByLabel("Metric", new() { Exact = true }).FillAsync(metric);
        await tab.Page.GetByLabel("per", new() { Exact = true }).SelectOptionAsync("cohort");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Img, new() { Name = $"{metric}, avg per cohort" })).ToBeVisibleAsync();
        var rows = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Value per group" }).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["north", "2", "15"]);
        await Assertions.Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync(["south", "1", "40"]);
        Assert.Single(fetched, url => url.Contains("Hangar.Console.Observability", StringComparison.Ordinal));

        // The view is in the address: a reload (or a shared link) shows it again.
        Assert.Contains("group_by=cohort", tab.Page.Url, StringComparison.Ordinal);
        await tab.Page.ReloadAsync();
        await tab.WaitForStartAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(tab.Page.GetByTestId("metrics-caption")).ToContainTextAsync($"Average of {metric} per cohort");

        // No device reports a release yet: one group says so. The maximum over it is the largest point.
        await tab.Page.GetByLabel("per", new() { Exact = true }).SelectOptionAsync("release");
        await tab.Page.GetByLabel("as", new() { Exact = true }).SelectOptionAsync("max");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["(no release reported)", "3", "40"]);

        await tab.Page.GetByLabel("Metric", new() { Exact = true }).FillAsync("app.never_sent");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByText("No device reported app.never_sent in that window.")).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task APageWhoseAssemblyCannotBeFetched_StopsTheConsoleWithAReload_ThatOpensThePage()
    {
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        // As when the connection drops, or the server was updated under the page and no longer has the file.
        await tab.Page.RouteAsync("**/_framework/Hangar.Console.Observability*", route => route.AbortAsync());

        await tab.GoAsync("Metrics");
        var stopped = tab.Page.Locator("#blazor-error-ui");
        await Assertions.Expect(stopped).ToBeVisibleAsync();
        await Assertions.Expect(stopped).ToContainTextAsync("could not fetch part of itself from the server");

        await tab.Page.UnrouteAllAsync();
        await stopped.GetByRole(AriaRole.Link, new() { Name = "Reload" }).ClickAsync();
        await tab.WaitForStartAsync();
        // Reloaded where it was going, signed in still.
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Metrics", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AWrongQuery_ShowsTheApisProblem()
    {
        await using var tab = await ConsoleTab.OpenAsync(world, "fleet-metrics?name=heartbeat.load1&agg=median");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        var problem = tab.Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(problem).ToContainTextAsync("validation_failed");
        await Assertions.Expect(problem).ToContainTextAsync("agg");

        // A window the form does not offer falls back to the last hour instead of stopping the console.
        await tab.Page.GotoAsync("fleet-metrics?name=heartbeat.load1&hours=1000000000");
        await tab.WaitForStartAsync();
        await Assertions.Expect(tab.Page.GetByLabel("over the last")).ToHaveValueAsync("1");
        await Assertions.Expect(tab.Page.GetByTestId("metrics-caption")).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }

    private async Task ReportAsync(string product, int unit, Guid cohort, string metric, double value)
    {
        await using var device = await TestDevice.RegisterAsync(world.Server, $"{product}-{unit}", product);
        await world.Server.Api.Devices.UpdateAsync(device.Device.Id.ToString(), new UpdateDeviceRequest(CohortId: cohort.ToString()), Cancel);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await device.SendTelemetryAsync(new TelemetryBatchRequest([new MetricPointRequest(metric, value, now.AddMinutes(-2))], []));
    }
}
