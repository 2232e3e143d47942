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

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 2 devices");
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
}
