using System.Security.Cryptography;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>Hardware-target refusals and --allow-missing-targets, and signing-keys revoke, against a real server.</summary>
public sealed class TargetAndRevocationCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hangar-cli-targets-").FullName;

    [Fact]
    public async Task ReleasesCreateAndOverrideDevices_MissingTarget_AreRefusedNamingIt_UnlessAllowed()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("targets org"));
        var (cohort, bundle, _) = await FleetWithBundleAsync(cli);
        var x86 = await DeviceAsync(cli, "x86-1", "x86_64");
        var arm = await DeviceAsync(cli, "arm-1", "aarch64-unknown-linux-gnu");

        var refused = await cli.RunAsync("releases", "create", "--name", "r1", "--cohort", cohort, "--bundle", bundle);
        var allowed = await cli.RunAsync("releases", "create", "--name", "r1", "--cohort", cohort, "--bundle", bundle, "--allow-missing-targets", "-o", "json");
        var pin = (await cli.RunAsync("bundle-overrides", "create", "--name", "pin", "--bundle", bundle, "--starts-at", "2020-01-01T00:00:00Z", "-o", "json"))
            .Succeeded().Json().GetProperty("id").GetString()!;
        var addRefused = await cli.RunAsync("bundle-overrides", "devices", "add", pin, "--device", x86, "--device", arm);
        var addAllowed = await cli.RunAsync("bundle-overrides", "devices", "add", pin, "--device", x86, "--device", arm, "--allow-missing-targets");

        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.StartsWith("error: bundle_target_mismatch:", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("'x86_64'", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(bundle, allowed.Succeeded().Json().GetProperty("bundle_id").GetString());
        Assert.Equal(ExitCodes.Conflict, addRefused.ExitCode);
        Assert.Contains("'x86_64'", addRefused.Stderr, StringComparison.Ordinal);
        addAllowed.Succeeded();
    }

    [Fact]
    public async Task SigningKeysRevoke_ShowsTheKeyRevoked_AndItsBundleCanNoLongerBeReleased()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("revocation org"));
        var (cohort, bundle, key) = await FleetWithBundleAsync(cli);

        var noReason = await cli.RunAsync("signing-keys", "revoke", key);
        var revoked = (await cli.RunAsync("signing-keys", "revoke", key, "--reason", "leaked on a laptop", "-o", "json")).Succeeded().Json();
        var again = (await cli.RunAsync("signing-keys", "revoke", key, "--reason", "retired")).Succeeded();
        var listed = (await cli.RunAsync("signing-keys", "list")).Succeeded();
        var shown = (await cli.RunAsync("signing-keys", "get", key)).Succeeded();
        var release = await cli.RunAsync("releases", "create", "--name", "r1", "--cohort", cohort, "--bundle", bundle);

        Assert.Equal(ExitCodes.UsageError, noReason.ExitCode);
        Assert.Equal("revoked", revoked.GetProperty("state").GetString());
        Assert.Equal("leaked on a laptop", revoked.GetProperty("revocation_reason").GetString());
        Assert.Matches(@"^Signing key \S+ was already revoked at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(leaked on a laptop\); nothing changed\.", again.Stderr);
        Assert.Contains("revoked", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("leaked on a laptop", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Conflict, release.ExitCode);
        Assert.StartsWith("error: bundle_not_deliverable:", release.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static async Task<string> DeviceAsync(CliSandbox cli, string identifier, string target) =>
        (await cli.RunAsync("devices", "create", "--identifier", identifier, "--product", "gw", "--cohort", "stable", "--target", target, "-o", "json"))
            .Succeeded().Json().GetProperty("id").GetString()!;

    /// <summary>A cohort and a bundle of one aarch64 binary signed with a generated key (returned by id).</summary>
    private async Task<(string Cohort, string Bundle, string Key)> FleetWithBundleAsync(CliSandbox cli)
    {
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var cohort = (await cli.RunAsync("cohorts", "create", "--name", "stable", "--product", "gw", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        var artifact = (await cli.RunAsync("artifacts", "create", "--name", "rootfs", "-o", "json")).Succeeded().Json();
        var version = (await cli.RunAsync("artifact-versions", "create", "--artifact", artifact.GetProperty("id").GetString()!, "--version", "1.0.0", "-o", "json")).Succeeded().Json();
        var key = (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_work, "keys"), "-o", "json"))
            .Succeeded().Json().GetProperty("id").GetString()!;
        var file = Path.Combine(_work, "rootfs.img");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(2000), TestContext.Current.CancellationToken);
        var binary = (await cli.RunAsync("binaries", "create", "--artifact-version", version.GetProperty("id").GetString()!, "--target", "aarch64-unknown-linux-gnu",
            "--file", file, "--sign", "release", "--part-size", "1024", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        var bundle = (await cli.RunAsync("bundles", "create", "--binary", binary, "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        return (cohort, bundle, key);
    }
}
