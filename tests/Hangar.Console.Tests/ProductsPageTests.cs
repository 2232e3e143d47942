using Microsoft.Playwright;

namespace Hangar.Console.Tests;

public sealed class ProductsPageTests(ConsoleWorld world)
{
    [Fact]
    public async Task CreateProductAndCohort_InTheBrowser_ListsThem_AndTheApiHasThem()
    {
        var product = $"gateway-{Guid.CreateVersion7():N}"[..20];
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Products and cohorts");

        await tab.Page.GetByLabel("Product name").FillAsync(product);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        var row = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Products" }).GetByRole(AriaRole.Row).Filter(new() { HasText = product });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await tab.Page.GetByLabel("Product", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = product });
        await tab.Page.GetByLabel("Cohort name").FillAsync("canary");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "canary" })).ToBeVisibleAsync();

        var created = await world.Server.Api.Products.GetAsync(product, TestContext.Current.CancellationToken);
        var cohorts = await world.Server.Api.Cohorts.ListAsync(new Hangar.Client.ListOptions(Search: $"product_id:'{created.Id}'"), TestContext.Current.CancellationToken);
        Assert.Equal("canary", Assert.Single(cohorts.Data).Name);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task CreateProduct_WithATakenName_ShowsTheApiProblem()
    {
        var product = $"dup-{Guid.CreateVersion7():N}"[..16];
        await world.Server.Api.Products.CreateAsync(new Hangar.Contracts.Devices.CreateProductRequest(product), cancellationToken: TestContext.Current.CancellationToken);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Products and cohorts");

        await tab.Page.GetByLabel("Product name").FillAsync(product);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already_exists");
        Assert.Empty(tab.Errors);
    }
}
