using Hangar.Client;
using Hangar.Contracts.Devices;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// CA certificates in the browser: registration by proof of possession (the CA's key stays in the test, as it stays
/// with its owner), the API's problem for a wrong proof, JITP settings, and a viewer who may only look.
/// </summary>
public sealed class CertificatesPageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterCa_WithAWrongProofShowsTheApiProblem_ThenWithTheRightOneListsIt()
    {
        using var ca = new TestCertificateAuthority($"Console CA {Guid.CreateVersion7():N}");
        using var stranger = new TestCertificateAuthority("Not the CA");
        await using var tab = await ConsoleTab.OpenAsync(world, "certificates");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Get a verification code" }).ClickAsync();
        var code = await tab.Page.GetByTestId("verification-code").TextContentAsync() ?? "";
        Assert.Matches("^[0-9a-f]{48}$", code);
        await Assertions.Expect(tab.Page.GetByLabel("Commands that make the verification certificate")).ToContainTextAsync($"-subj \"/CN={code}\"");

        // Signed by another key: what the API answers for exactly this request is what the page must show.
        var wrong = new CreateCaCertificateRequest(ca.Pem, stranger.VerificationPem(code));
        var refused = await Assert.ThrowsAsync<HangarApiException>(() => world.Server.Api.CaCertificates.CreateAsync(wrong, cancellationToken: Cancel));
        await tab.Page.GetByLabel("CA certificate (PEM)", new() { Exact = true }).FillAsync(wrong.Certificate);
        await tab.Page.GetByLabel("Verification certificate (PEM)", new() { Exact = true }).FillAsync(wrong.VerificationCertificate);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Register CA" }).ClickAsync();
        var alert = tab.Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync(refused.Code!);
        await Assertions.Expect(alert).ToContainTextAsync(refused.Problem!.Detail!);

        // A failed attempt leaves the code unused: the right proof with the same code registers the CA.
        await tab.Page.GetByLabel("Verification certificate (PEM)", new() { Exact = true }).FillAsync(ca.VerificationPem(code));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Register CA" }).ClickAsync();
        var row = tab.Page.Locator($"tr[data-fingerprint='{ca.Fingerprint}']");
        await Assertions.Expect(row).ToContainTextAsync(ca.Certificate.Subject);
        await Assertions.Expect(row.GetByTestId("ca-state")).ToHaveTextAsync("enabled");
        await Assertions.Expect(row.GetByTestId("ca-jitp")).ToHaveTextAsync("off");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Get a verification code" })).ToBeVisibleAsync();
        var registered = (await world.Server.Api.CaCertificates.ListAsync(new ListOptions(Search: $"fingerprint:'{ca.Fingerprint}'"), Cancel)).Data.Single();
        Assert.True(registered.Enabled);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task EditSettings_TurnsOnJitp_AndDisablesTheCa()
    {
        var product = $"jitp-{Guid.CreateVersion7():N}"[..16];
        var created = await world.Server.Api.Products.CreateAsync(new CreateProductRequest(product), cancellationToken: Cancel);
        var cohort = await world.Server.Api.Cohorts.CreateAsync(new CreateCohortRequest("field", created.Id.ToString()), cancellationToken: Cancel);
        using var ca = new TestCertificateAuthority($"Console JITP CA {Guid.CreateVersion7():N}");
        var registered = await RegisterAsync(ca);
        await using var tab = await ConsoleTab.OpenAsync(world, "certificates");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        var row = tab.Page.Locator($"tr[data-fingerprint='{ca.Fingerprint}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit settings" }).ClickAsync();
        var form = tab.Page.GetByRole(AriaRole.Form, new() { Name = $"Settings of {ca.Certificate.Subject}" });
        await form.GetByLabel("Provision devices just in time (JITP)").CheckAsync();
        await form.GetByLabel("JITP product").SelectOptionAsync(new SelectOptionValue { Label = product });
        await form.GetByLabel("JITP cohort (optional)").SelectOptionAsync(new SelectOptionValue { Label = "field" });
        await form.GetByLabel("JITP tags (comma-separated, optional)").FillAsync("lab, eu");
        await form.GetByLabel("Enabled", new() { Exact = false }).UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Assertions.Expect(row.GetByTestId("ca-state")).ToHaveTextAsync("disabled");
        await Assertions.Expect(row.GetByTestId("ca-jitp")).ToContainTextAsync($"into {product} / field, tags ");
        var changed = await world.Server.Api.CaCertificates.GetAsync(registered.Id.ToString(), Cancel);
        Assert.False(changed.Enabled);
        Assert.Equal(created.Id, changed.Jitp?.ProductId);
        Assert.Equal(cohort.Id, changed.Jitp?.CohortId);
        Assert.Equal(["eu", "lab"], changed.Jitp!.Tags.Order(StringComparer.Ordinal));
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Viewer_SeesTheCas_ButNoForms()
    {
        using var ca = new TestCertificateAuthority($"Console viewed CA {Guid.CreateVersion7():N}");
        await RegisterAsync(ca);
        var (email, password) = await TestMembers.ViewerAsync(world.Server.Api, "ca-viewer");
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(email, password);
        await tab.GoAsync("Certificates");

        await Assertions.Expect(tab.Page.Locator($"tr[data-fingerprint='{ca.Fingerprint}']")).ToContainTextAsync(ca.Certificate.Subject);
        await Assertions.Expect(tab.Page.Locator("main").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator("main form")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Register a CA" })).ToHaveCountAsync(0);
        Assert.Empty(tab.Errors);
    }

    private async Task<CaCertificateResponse> RegisterAsync(TestCertificateAuthority ca)
    {
        var code = await world.Server.Api.CaCertificates.CreateVerificationCodeAsync(Cancel);
        return await world.Server.Api.CaCertificates.CreateAsync(
            new CreateCaCertificateRequest(ca.Pem, ca.VerificationPem(code.VerificationCode)), cancellationToken: Cancel);
    }
}
