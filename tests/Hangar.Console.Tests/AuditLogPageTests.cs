using Microsoft.Playwright;

namespace Hangar.Console.Tests;

public sealed class AuditLogPageTests(ConsoleWorld world)
{
    [Fact]
    public async Task AuditLog_ShowsTheConsolesOwnChanges_ByTheSignedInUser()
    {
        var product = $"aud-{Guid.CreateVersion7():N}"[..16];
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Products and cohorts");
        await tab.Page.GetByLabel("Product name").FillAsync(product);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Products" })).ToContainTextAsync(product);

        await tab.GoAsync("Audit log");

        var log = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Audit log" });
        // Newest first, and the tests run one at a time: the first product.create is this test's.
        var created = log.Locator("tbody tr").Filter(new() { HasText = "product.create" }).First;
        await Assertions.Expect(created).ToContainTextAsync("success");
        await Assertions.Expect(created).ToContainTextAsync("201");
        Assert.Empty(tab.Errors);
    }
}
