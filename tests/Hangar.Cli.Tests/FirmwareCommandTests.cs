using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed partial class FirmwareCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    private const string Target = "aarch64-unknown-linux-gnu";

    [Fact]
    public async Task BinariesCreate_WithGeneratedKey_UploadsVerifiesSignsBundlesAndDownloads()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("firmware flow"));
        var work = Directory.CreateTempSubdirectory("hangar-cli-firmware-").FullName;
        try
        {
            var version = await VersionAsync(cli);
            var key = (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(work, "keys"), "-o", "json")).Succeeded().Json();
            var privateKey = Path.Combine(work, "keys", "release.pem");
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(privateKey));
            }

            Assert.Contains("BEGIN PRIVATE KEY", await File.ReadAllTextAsync(privateKey, TestContext.Current.CancellationToken), StringComparison.Ordinal);
            var config = JsonDocument.Parse(await File.ReadAllTextAsync(cli.ConfigFile, TestContext.Current.CancellationToken)).RootElement;
            Assert.Equal(key.GetProperty("key_id").GetString(), config.GetProperty("signing_keys").GetProperty("default").GetProperty("release").GetProperty("key_id").GetString());

            var content = RandomNumberGenerator.GetBytes(10_000);
            var file = Path.Combine(work, "rootfs.img");
            await File.WriteAllBytesAsync(file, content, TestContext.Current.CancellationToken);
            var result = (await cli.RunAsync("binaries", "create", "--artifact-version", version, "--target", Target, "--file", file,
                "--sign", "release", "--part-size", "1024", "--concurrency", "4", "-o", "json")).Succeeded();

            var binary = result.Json();
            Assert.Equal("signed", binary.GetProperty("state").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), binary.GetProperty("sha256").GetString());
            Assert.Contains("10 of 10 parts done (10000 of 10000 bytes)", result.Stderr, StringComparison.Ordinal);
            var signatures = (await cli.RunAsync("binary-signatures", "list", "--search", $"binary_id:'{binary.GetProperty("id")}'", "-o", "json")).Succeeded().Json();
            Assert.Equal(key.GetProperty("key_id").GetString(), Assert.Single(signatures.GetProperty("data").EnumerateArray()).GetProperty("key_id").GetString());

            var id = binary.GetProperty("id").GetString()!;
            var bundle = (await cli.RunAsync("bundles", "create", "--name", "spring", "--binary", id + """={"slot":"a"}""", "-o", "json")).Succeeded().Json();
            Assert.True(bundle.GetProperty("deliverable").GetBoolean());
            var entry = Assert.Single(bundle.GetProperty("binaries").EnumerateArray());
            Assert.Equal("a", entry.GetProperty("custom_metadata").GetProperty("slot").GetString());
            Assert.StartsWith("sha256:", bundle.GetProperty("hash").GetString(), StringComparison.Ordinal);
            (await cli.RunAsync("bundles", "update", bundle.GetProperty("id").GetString()!, "--name", "summer")).Succeeded();

            // A download that broke half-way leaves FILE.part; the next run continues it with a Range request.
            var downloaded = Path.Combine(work, "copy.img");
            await File.WriteAllBytesAsync(downloaded + ".part", content[..4000], TestContext.Current.CancellationToken);
            var download = (await cli.RunAsync("binaries", "download", id, "--out", downloaded)).Succeeded();
            Assert.Contains("resumed at byte 4000", download.Stderr, StringComparison.Ordinal);
            Assert.Equal(content, await File.ReadAllBytesAsync(downloaded, TestContext.Current.CancellationToken));

            // An existing file is replaced only with --force, like the x509 commands' files.
            await File.WriteAllTextAsync(downloaded, "mine", TestContext.Current.CancellationToken);
            var refused = await cli.RunAsync("binaries", "download", id, "--out", downloaded);
            Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
            Assert.Contains("already exists; nothing was downloaded. Pass --force", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal("mine", await File.ReadAllTextAsync(downloaded, TestContext.Current.CancellationToken));
            (await cli.RunAsync("binaries", "download", id, "--out", downloaded, "--force")).Succeeded();
            Assert.Equal(content, await File.ReadAllBytesAsync(downloaded, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task BinariesCreate_RerunAfterInterruption_SendsOnlyTheMissingParts()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("firmware resume"));
        var work = Directory.CreateTempSubdirectory("hangar-cli-resume-").FullName;
        try
        {
            var version = await VersionAsync(cli);
            var content = RandomNumberGenerator.GetBytes(8 * 1024);
            var file = Path.Combine(work, "app.bin");
            await File.WriteAllBytesAsync(file, content, TestContext.Current.CancellationToken);
            string[] create = ["binaries", "create", "--artifact-version", version, "--target", Target, "--file", file, "--part-size", "1024", "--concurrency", "1", "-o", "json"];

            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            var first = await cli.RunAsync(new CancellingWriter(interrupt, "2 of 8 parts done"), interrupt.Token, create);
            var second = (await cli.RunAsync(create)).Succeeded();

            Assert.Equal(ExitCodes.Interrupted, first.ExitCode);
            Assert.Equal("signable", second.Json().GetProperty("state").GetString());
            Assert.Contains("resuming binary", second.Stderr, StringComparison.Ordinal);
            var sent = long.Parse(SentBytes().Match(second.Stderr).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(sent, 1, content.Length - 2 * 1024);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task BinariesCreate_SignWithUnknownKey_FailsBeforeUploading()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("firmware unknown key"));
        var file = Path.GetTempFileName();
        try
        {
            var version = await VersionAsync(cli);
            await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(100), TestContext.Current.CancellationToken);

            var result = await cli.RunAsync("binaries", "create", "--artifact-version", version, "--target", Target, "--file", file, "--sign", "nope");

            Assert.Equal(ExitCodes.NotConfigured, result.ExitCode);
            Assert.Contains("no signing key 'nope'", result.Stderr, StringComparison.Ordinal);
            var binaries = (await cli.RunAsync("binaries", "list", "-o", "json")).Succeeded().Json();
            Assert.Empty(binaries.GetProperty("data").EnumerateArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> VersionAsync(CliSandbox cli)
    {
        var artifact = (await cli.RunAsync("artifacts", "create", "--name", "rootfs", "-o", "json")).Succeeded().Json();
        var version = (await cli.RunAsync("artifact-versions", "create", "--artifact", artifact.GetProperty("hrn").GetString()!, "--version", "1.0.0", "-o", "json")).Succeeded().Json();
        return version.GetProperty("id").GetString()!;
    }

    [GeneratedRegex(@"sent (\d+) bytes in \d+ parts")]
    private static partial Regex SentBytes();
}
