using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Organizations;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>A user in two organizations switches between them in the top bar, with the role held in each.</summary>
public sealed class OrganizationSwitcherTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Member_OfTwoOrganizations_SwitchesBetweenThem_WithTheRoleHeldInEach()
    {
        var (email, password) = await TestMembers.ViewerAsync(world.Server.Api, "two-orgs");
        var name = $"second-{Guid.CreateVersion7():N}"[..20];
        var created = await world.Server.Api.Organizations.CreateAsync(new CreateOrganizationRequest(name, CreateApiKey: true), cancellationToken: Cancel);
        using var secondHttp = HangarClient.CreateHttpClient(world.Server.Address, created.ApiKey!.Secret);
        var second = new HangarClient(secondHttp);
        await second.Members.AddAsync(new AddMemberRequest(email, "operator"), cancellationToken: Cancel);
        var product = $"only-in-{name}"[..24];
        await second.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(email, password);
        await Assertions.Expect(tab.Page.GetByTestId("role")).ToHaveTextAsync("viewer");
        var switcher = tab.Page.GetByRole(AriaRole.Combobox, new() { Name = "Organization" });

        await switcher.SelectOptionAsync(new SelectOptionValue { Label = name });

        await Assertions.Expect(tab.Page.GetByTestId("role")).ToHaveTextAsync("operator");
        await Assertions.Expect(tab.Page).ToHaveURLAsync(new Uri(world.Server.Address, "fleet").ToString());
        await tab.GoAsync("Products and cohorts");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Products" })).ToContainTextAsync(product);
        // An operator there: the controls a viewer does not get are offered.
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" })).ToBeVisibleAsync();

        await switcher.SelectOptionAsync(new SelectOptionValue { Value = (await world.Server.Api.Users.MeAsync(Cancel)).OrganizationId.ToString() });

        await Assertions.Expect(tab.Page.GetByTestId("role")).ToHaveTextAsync("viewer");
        await tab.GoAsync("Products and cohorts");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Products" })).Not.ToContainTextAsync(product);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" })).ToHaveCountAsync(0);
        // The switch moved the server-side session, so a reload stays in the organization chosen.
        await tab.Page.ReloadAsync();
        await tab.WaitForStartAsync();
        await Assertions.Expect(tab.Page.GetByTestId("role")).ToHaveTextAsync("viewer");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Member_OfOneOrganization_SeesItsNameAndNoSwitcher()
    {
        var (email, password) = await TestMembers.ViewerAsync(world.Server.Api, "one-org");
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(email, password);
        var me = await world.Server.Api.Users.MeAsync(Cancel);

        await Assertions.Expect(tab.Page.GetByLabel("Organization")).ToHaveTextAsync(me.OrganizationName);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Combobox, new() { Name = "Organization" })).ToHaveCountAsync(0);
        Assert.Empty(tab.Errors);
    }
}
