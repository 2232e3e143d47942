using System.Security.Cryptography;
using Hangar.Contracts.Firmware;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>Artifacts, versions, a binary uploaded from the browser in parts (and resumed), signed, and bundled.</summary>
public sealed class FirmwarePageTests(ConsoleWorld world)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateArtifactAndVersion_UploadInTheBrowser_Sign_AndBundle()
    {
        var artifact = $"rootfs-{Guid.CreateVersion7():N}"[..20];
        var content = RandomNumberGenerator.GetBytes(3000);
        var (key, privateKey) = await TestFirmware.SigningKeyAsync(world.Server.Api);
        using var signer = privateKey;
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        await tab.GoAsync("Firmware");

        await tab.Page.GetByLabel("Artifact name").FillAsync(artifact);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create artifact" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Artifacts" })).ToContainTextAsync(artifact);
        await tab.Page.GetByLabel("Artifact", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = artifact });
        await tab.Page.GetByLabel("Version", new() { Exact = true }).FillAsync("2.0.0");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create version" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = $"{artifact} 2.0.0" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = $"{artifact} 2.0.0", Level = 1 })).ToBeVisibleAsync();

        await tab.Page.GetByLabel("Target").FillAsync("armv7-unknown-linux-gnueabihf");
        await tab.Page.GetByLabel("Binary file").SetInputFilesAsync(new FilePayload { Name = "rootfs.img", MimeType = "application/octet-stream", Buffer = content });
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("upload-result")).ToHaveTextAsync("Binary armv7-unknown-linux-gnueabihf is signable.");
        var binaries = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Binaries" });
        await Assertions.Expect(binaries).ToContainTextAsync("signable");
        await Assertions.Expect(binaries).ToContainTextAsync(TestFirmware.Sha(content)[..16]);

        await tab.Page.GetByLabel("Binary to sign").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await tab.Page.GetByLabel("Signing key").SelectOptionAsync(key.Id.ToString());
        await tab.Page.GetByLabel("Signature (hex or base64)").FillAsync(TestFirmware.SignDigest(signer, TestFirmware.Sha(content)));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Attach signature" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("binary-state")).ToHaveTextAsync("signed");
        await Assertions.Expect(binaries).ToContainTextAsync($"{key.Name} (active)");

        await tab.GoAsync("Bundles");
        await tab.Page.GetByLabel("Bundle name").FillAsync($"{artifact}-spring");
        await tab.Page.GetByLabel($"{artifact} 2.0.0 for armv7-unknown-linux-gnueabihf").CheckAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create bundle" }).ClickAsync();
        var row = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Bundles" }).GetByRole(AriaRole.Row).Filter(new() { HasText = $"{artifact}-spring" });
        await Assertions.Expect(row).ToContainTextAsync("yes");

        var bundle = await world.Server.Api.Bundles.GetAsync($"{artifact}-spring", Cancel);
        Assert.Equal(TestFirmware.Sha(content), Assert.Single(bundle.Binaries).Sha256);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Upload_OfAFileWhosePartsAreHalfOnTheServer_SendsOnlyTheRest()
    {
        var artifact = $"resume-{Guid.CreateVersion7():N}"[..20];
        var content = RandomNumberGenerator.GetBytes((int)(ConsoleServer.MinPartBytes * 3 / 2));
        var version = await TestFirmware.VersionAsync(world.Server.Api, artifact);
        // An upload interrupted after its first part: declared, part 1 of 2 on the server.
        var declared = await world.Server.Api.Binaries.CreateAsync(
            new CreateBinaryRequest(version.Id.ToString(), "x86_64-unknown-linux-gnu", content.Length, TestFirmware.Sha(content)), cancellationToken: Cancel);
        var first = content[..(int)ConsoleServer.MinPartBytes];
        await world.Server.Api.Binaries.UploadPartAsync(declared.Id.ToString(), 1, new MemoryStream(first), first.Length, TestFirmware.Sha(first), Cancel);
        await using var tab = await ConsoleTab.OpenAsync(world, $"firmware/versions/{version.Id}");
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);

        await tab.Page.GetByLabel("Target").FillAsync("x86_64-unknown-linux-gnu");
        await tab.Page.GetByLabel("Part size (MiB)").FillAsync("1");
        await tab.Page.GetByLabel("Binary file").SetInputFilesAsync(new FilePayload { Name = "app.bin", MimeType = "application/octet-stream", Buffer = content });
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByTestId("upload-result")).ToHaveTextAsync("Binary x86_64-unknown-linux-gnu is signable.");
        await Assertions.Expect(tab.Page.GetByTestId("resumed")).ToContainTextAsync("1 of 2 parts were already on the server");
        var binaries = await world.Server.Api.Binaries.ListAsync(new Hangar.Client.ListOptions(Search: $"artifact_version_id:'{version.Id}'"), Cancel);
        Assert.Equal(declared.Id, Assert.Single(binaries.Data).Id);
        Assert.Empty(tab.Errors);
    }
}
