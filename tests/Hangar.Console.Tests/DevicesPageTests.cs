using Hangar.Contracts.Devices;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

public sealed class DevicesPageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CsvImport_WithABadRow_ShowsTheRowsError_ThenTheFixedFileImports()
    {
        var product = $"csv-{Guid.CreateVersion7():N}"[..16];
        var prefix = $"dev{Guid.CreateVersion7():N}"[..14];
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Devices");

        var csv = $"identifier,description,tags,product\n{prefix}-a,first,\"lab,eu\",{product}\n{prefix}-b,second,lab,no-such-product\n";
        await tab.Page.GetByLabel("CSV text").FillAsync(csv);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var problem = tab.Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(problem).ToContainTextAsync("import_failed");
        await Assertions.Expect(problem).ToContainTextAsync("row 3.product");
        Assert.Empty((await world.Server.Api.Devices.ListAsync(new Hangar.Client.ListOptions(Search: $"identifier-'{prefix}'"), Cancel)).Data);

        await tab.Page.GetByLabel("CSV text").FillAsync(csv.Replace("no-such-product", product, StringComparison.Ordinal));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported 2 devices" })).ToBeVisibleAsync();
        var table = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Devices" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{prefix}-a" })).ToContainTextAsync("eu");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{prefix}-b" })).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Search_WithTheSearchLanguage_ShowsOnlyMatches_AndABadQueryShowsItsProblem()
    {
        var product = $"srch-{Guid.CreateVersion7():N}"[..16];
        var prefix = $"s{Guid.CreateVersion7():N}"[..14];
        await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        await world.Server.Api.Devices.ImportAsync(new ImportDevicesRequest($"{prefix}-one,,,{product}\n{prefix}-two,,,{product}\n"), Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Devices");

        await tab.Page.GetByLabel("Search", new() { Exact = true }).FillAsync($"identifier:'{prefix}-two'");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        var rows = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Devices" }).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync($"{prefix}-two");

        await tab.Page.GetByLabel("Search", new() { Exact = true }).FillAsync("secret:'x'");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid_search");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task BulkActions_TagMoveAndQuarantineTheTickedDevices_AfterSayingWhatWillHappen()
    {
        var api = world.Server.Api;
        var product = $"bulk-{Guid.CreateVersion7():N}"[..16];
        var prefix = $"b{Guid.CreateVersion7():N}"[..14];
        var created = await api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        var field = await api.Cohorts.CreateAsync(new CreateCohortRequest("field", created.Id.ToString()), cancellationToken: Cancel);
        await api.Devices.ImportAsync(new ImportDevicesRequest($"{prefix}-a,,,{product}\n{prefix}-b,,,{product}\n{prefix}-c,,,{product}\n"), Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world, "devices");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.Page.GetByLabel("Search", new() { Exact = true }).FillAsync($"identifier-'{prefix}'");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Devices" }).Locator("tbody tr")).ToHaveCountAsync(3);

        await tab.Page.GetByLabel($"Select {prefix}-a").CheckAsync();
        await tab.Page.GetByLabel($"Select {prefix}-b").CheckAsync();
        await Assertions.Expect(tab.Page.GetByTestId("bulk-selection")).ToContainTextAsync("2 selected");
        await tab.Page.GetByLabel("Tags, separated by commas").FillAsync("field, eu");
        await ApplyAsync(tab, "Add the tags field, eu to these 2 devices?");
        await Assertions.Expect(tab.Page.GetByText("2 devices matched, 2 changed.")).ToBeVisibleAsync();
        Assert.Equal(["eu", "field"], (await DeviceAsync(prefix, "a")).Tags.Order());
        Assert.Empty((await DeviceAsync(prefix, "c")).Tags);

        await tab.Page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Move to a cohort" });
        await tab.Page.GetByLabel("Cohort", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{product} / field" });
        await ApplyAsync(tab, $"Move these 2 devices to {product} / field?");
        await Assertions.Expect(tab.Page.GetByText("2 devices matched, 2 changed.")).ToBeVisibleAsync();
        Assert.Equal(field.Id, (await DeviceAsync(prefix, "b")).CohortId);
        Assert.Null((await DeviceAsync(prefix, "c")).CohortId);

        await tab.Page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Quarantine" });
        await ApplyAsync(tab, "Quarantine these 2 devices? They are offered no updates");
        var rows = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Devices" }).GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Filter(new() { HasText = $"{prefix}-a" })).ToContainTextAsync("quarantined");
        Assert.True((await DeviceAsync(prefix, "b")).Quarantined);
        Assert.False((await DeviceAsync(prefix, "c")).Quarantined);
        Assert.Empty(tab.Errors);
    }

    /// <summary>Applies the chosen action after checking that the confirmation says what it will do.</summary>
    private static async Task ApplyAsync(ConsoleTab tab, string question)
    {
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Apply to 2 selected" }).ClickAsync();
        var dialog = tab.Page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(dialog).ToContainTextAsync(question);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, apply" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private async Task<DeviceResponse> DeviceAsync(string prefix, string suffix) =>
        (await world.Server.Api.Devices.ListAsync(new Hangar.Client.ListOptions(Search: $"identifier:'{prefix}-{suffix}'"), Cancel)).Data.Single();
}
