using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.Installers;
using Hangar.Agent.Processes;
using Hangar.Agent.Tests.Support;
using Hangar.Testing;

namespace Hangar.Agent.Tests.Installers;

/// <summary>
/// The agent's swupdate installer against Debian's real swupdate, which installs only CMS-signed images: run with
/// <c>-k</c> (the signer's certificate) and <c>-H board:rev</c>, as the agent configuration documents it.
/// </summary>
public sealed class SwupdateInstallerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SwupdateImage _images;
    private readonly (string Certificate, string Key) _signer;
    private readonly string _target;
    private readonly ToolInstaller _installer;

    public SwupdateInstallerTests()
    {
        _images = new SwupdateImage(_directory.Path);
        _signer = SwupdateImage.CreateSigner(_directory.Path, "release");
        _target = _directory.Combine("rootfs", "app.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(_target)!);
        _installer = ToolInstaller.Swupdate(new ToolInstallerConfig { ExtraArgs = ["-k", _signer.Certificate, "-H", $"board:{SwupdateImage.Hardware}"] },
            new ProcessRunner(TimeProvider.System));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Swupdate_SignedImageForThisHardware_InstallsThePayload()
    {
        var payload = RandomNumberGenerator.GetBytes(4096);

        var outcome = await InstallAsync(await _images.BuildAsync("good", payload, _target, _signer));

        Assert.True(outcome.Succeeded, outcome.Detail);
        Assert.True(outcome.RebootRequired);
        Assert.Equal(payload, await File.ReadAllBytesAsync(_target, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Swupdate_PayloadChangedAfterSigning_FailsWithTheHashMismatchAndWritesNothing()
    {
        var image = await _images.BuildAsync("tampered", RandomNumberGenerator.GetBytes(4096), _target, _signer, shipped: RandomNumberGenerator.GetBytes(4096));

        var outcome = await InstallAsync(image);

        Assert.False(outcome.Succeeded);
        Assert.Contains("HASH mismatch", outcome.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(_target));
    }

    [Fact]
    public async Task Swupdate_SignedByAnotherKey_FailsAuthenticationAndWritesNothing()
    {
        var stranger = SwupdateImage.CreateSigner(_directory.Path, "stranger");

        var outcome = await InstallAsync(await _images.BuildAsync("stranger", RandomNumberGenerator.GetBytes(4096), _target, stranger));

        Assert.False(outcome.Succeeded);
        Assert.Contains("Authentication of all signatures failed", outcome.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(_target));
    }

    [Fact]
    public async Task Swupdate_ImageForOtherHardware_FailsAsIncompatibleAndWritesNothing()
    {
        var outcome = await InstallAsync(await _images.BuildAsync("other-board", RandomNumberGenerator.GetBytes(4096), _target, _signer, hardware: "2.0"));

        Assert.False(outcome.Succeeded);
        Assert.Contains("SW not compatible with hardware", outcome.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(_target));
    }

    private Task<InstallOutcome> InstallAsync(string image) =>
        _installer.InstallAsync(new InstallRequest("bin-swu", image, new JsonObject()), TestContext.Current.CancellationToken);
}
