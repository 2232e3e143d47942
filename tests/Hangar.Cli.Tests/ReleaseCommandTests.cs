using System.Security.Cryptography;
using System.Text.Json;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>releases and bundle-overrides, against a real server, from bundles made with the CLI itself.</summary>
public sealed class ReleaseCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hangar-cli-releases-").FullName;

    [Fact]
    public async Task Releases_CreateListUpdateHaltResumeRollbackStatsDelete_RoundTrips()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("releases org"));
        var (cohort, bundles) = await FleetWithBundlesAsync(cli, 2);

        var r0 = (await cli.RunAsync("releases", "create", "--name", "r0", "--cohort", cohort, "--bundle", bundles[0], "--version", "1.0.0", "-o", "json")).Succeeded().Json();
        var r1 = (await cli.RunAsync("releases", "create", "--name", "r1", "--cohort", cohort, "--bundle", bundles[1], "--phase-value", "0.5",
            "--halt-failure-rate", "0.2", "--halt-minimum-devices", "5", "--required", "-o", "json")).Succeeded().Json();
        var listed = (await cli.RunAsync("releases", "list", "--search", $"cohort_id:'{cohort}'")).Succeeded();
        var refused = await cli.RunAsync("releases", "create", "--name", "r2", "--cohort", cohort, "--bundle", bundles[0]);
        var r1Id = r1.GetProperty("id").GetString()!;
        var widened = (await cli.RunAsync("releases", "update", r1Id, "--phase-value", "1", "--description", "spring", "-o", "json")).Succeeded().Json();
        var halted = (await cli.RunAsync("releases", "halt", r1Id, "--reason", "watchdog resets", "-o", "json")).Succeeded().Json();
        var haltedAgain = (await cli.RunAsync("releases", "halt", r1Id, "--reason", "again")).Succeeded();
        var resumed = (await cli.RunAsync("releases", "resume", r1Id, "-o", "json")).Succeeded().Json();
        var resumedAgain = (await cli.RunAsync("releases", "resume", r1Id)).Succeeded();
        var stats = (await cli.RunAsync("releases", "stats", r1Id)).Succeeded();
        var rollback = (await cli.RunAsync("releases", "rollback", r1Id, "--reason", "field failures", "-o", "json")).Succeeded().Json();
        var shown = (await cli.RunAsync("releases", "get", r1.GetProperty("hrn").GetString()!)).Succeeded();
        var notLatest = await cli.RunAsync("releases", "rollback", r1Id, "--reason", "again");
        var rollbackId = rollback.GetProperty("id").GetString()!;
        (await cli.RunAsync("releases", "delete", rollbackId)).Succeeded();

        Assert.Equal(JsonValueKind.Null, r0.GetProperty("next_release_id").ValueKind);
        Assert.Equal("1.0.0", r0.GetProperty("version").GetString());
        Assert.Equal(0.5m, r1.GetProperty("phase_value").GetDecimal());
        Assert.Equal(0.2m, r1.GetProperty("halt_failure_rate").GetDecimal());
        Assert.Contains("50%", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("r0", listed.Stdout, StringComparison.Ordinal);
        // The graph reads by name: r0's row points to "r1", not to r1's id.
        var r0Row = listed.Stdout.Split('\n').Single(line => line.Contains(r0.GetProperty("id").GetString()!, StringComparison.Ordinal));
        Assert.Contains(" r1 ", r0Row, StringComparison.Ordinal);
        Assert.DoesNotContain(r1.GetProperty("id").GetString()!, r0Row, StringComparison.Ordinal);
        Assert.Contains("NEXT RELEASE ", listed.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.StartsWith("error: release_graph_constrained_before_latest:", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(1m, widened.GetProperty("phase_value").GetDecimal());
        Assert.Equal("spring", widened.GetProperty("description").GetString());
        Assert.True(halted.GetProperty("disabled").GetBoolean());
        Assert.Equal("watchdog resets", halted.GetProperty("halt_reason").GetString());
        Assert.Matches(@"^Release r1 was already halted at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(watchdog resets\); nothing changed\.", haltedAgain.Stderr);
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("halted_at").ValueKind);
        Assert.StartsWith("Release r1 was not halted; nothing changed.", resumedAgain.Stderr, StringComparison.Ordinal);
        Assert.Contains("DEVICES OFFERED", stats.Stdout, StringComparison.Ordinal);
        Assert.Contains("RETRYING", stats.Stdout, StringComparison.Ordinal);
        Assert.Contains("ABORTED", stats.Stdout, StringComparison.Ordinal);
        Assert.Equal("r1-rollback", rollback.GetProperty("name").GetString());
        Assert.Equal(bundles[0], rollback.GetProperty("bundle_id").GetString());
        Assert.True(rollback.GetProperty("required").GetBoolean());
        Assert.Contains("field failures", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Conflict, notLatest.ExitCode);
        Assert.StartsWith("error: release_not_latest:", notLatest.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await cli.RunAsync("releases", "get", rollbackId)).ExitCode);
    }

    [Fact]
    public async Task ReleasesCreate_BadPhaseValue_IsAUsageErrorWithoutCallingTheServer()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("releases usage org"));

        var result = await cli.RunAsync("releases", "create", "--name", "x", "--cohort", "c", "--bundle", "b", "--phase-value", "half");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("'half' is not a number", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BundleOverrides_CreateAddDevicesListRemoveUpdateDelete_RoundTrips()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("overrides org"));
        var (_, bundles) = await FleetWithBundlesAsync(cli, 1);
        var devices = new List<string>();
        foreach (var identifier in new[] { "ov-1", "ov-2" })
        {
            devices.Add((await cli.RunAsync("devices", "create", "--identifier", identifier, "--product", "gw", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!);
        }

        var created = (await cli.RunAsync("bundle-overrides", "create", "--name", "hotfix", "--bundle", bundles[0],
            "--starts-at", "2020-01-01T00:00:00Z", "--ends-at", "2099-01-01T00:00:00Z", "-o", "json")).Succeeded().Json();
        var id = created.GetProperty("id").GetString()!;
        var added = (await cli.RunAsync("bundle-overrides", "devices", "add", id, "--device", devices[0], "--device", devices[1])).Succeeded();
        var again = (await cli.RunAsync("bundle-overrides", "devices", "add", id, "--device", devices[0], "-o", "json")).Succeeded().Json();
        var listed = (await cli.RunAsync("bundle-overrides", "devices", "list", id, "-o", "json")).Succeeded().Json();
        var removed = (await cli.RunAsync("bundle-overrides", "devices", "remove", id, devices[0])).Succeeded();
        var updated = (await cli.RunAsync("bundle-overrides", "update", id, "--clear-ends-at", "--name", "hotfix-2", "-o", "json")).Succeeded().Json();
        var table = (await cli.RunAsync("bundle-overrides", "list")).Succeeded();
        var backwards = await cli.RunAsync("bundle-overrides", "update", id, "--ends-at", "2019-01-01T00:00:00Z");
        (await cli.RunAsync("bundle-overrides", "delete", id)).Succeeded();

        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.Contains("ADDED", added.Stdout, StringComparison.Ordinal);
        Assert.Equal((0, 1), (again.GetProperty("added").GetInt32(), again.GetProperty("already_present").GetInt32()));
        Assert.Equal(["ov-1", "ov-2"], listed.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("identifier").GetString()));
        Assert.Contains("Removed device", removed.Stderr, StringComparison.Ordinal);
        Assert.Equal(("hotfix-2", 1), (updated.GetProperty("name").GetString(), updated.GetProperty("device_count").GetInt32()));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("ends_at").ValueKind);
        Assert.Contains("hotfix-2", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ValidationFailed, backwards.ExitCode);
        Assert.Contains("ends_at", backwards.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await cli.RunAsync("bundle-overrides", "get", id)).ExitCode);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task DevicesGetUpdate_OffersTheNextRelease_AndWriteRecordsWhatTheDeviceRuns()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("get-update releases org"));
        var (cohort, bundles) = await FleetWithBundlesAsync(cli, 2);
        var r0 = (await cli.RunAsync("releases", "create", "--name", "r0", "--cohort", cohort, "--bundle", bundles[0], "--version", "1.0.0", "-o", "json")).Succeeded().Json();
        var r1 = (await cli.RunAsync("releases", "create", "--name", "r1", "--cohort", cohort, "--bundle", bundles[1], "--version", "1.1.0", "-o", "json")).Succeeded().Json();
        var device = (await cli.RunAsync("devices", "create", "--identifier", "gw-0001", "--product", "gw", "--cohort", cohort, "-o", "json")).Succeeded().Json();
        var deviceId = device.GetProperty("id").GetString()!;
        var r0Id = r0.GetProperty("id").GetString()!;

        var dryRun = (await cli.RunAsync("devices", "get-update", deviceId, "--release", r0Id, "-o", "json")).Succeeded().Json();
        var table = (await cli.RunAsync("devices", "get-update", deviceId, "--release", r0Id, "--release-version", "1.0.0", "--write")).Succeeded();
        var recorded = (await cli.RunAsync("devices", "get", deviceId, "-o", "json")).Succeeded().Json();

        Assert.Equal("update", dryRun.GetProperty("status").GetString());
        Assert.Equal(r1.GetProperty("id").GetString(), dryRun.GetProperty("release").GetProperty("id").GetString());
        Assert.Single(dryRun.GetProperty("manifest").EnumerateArray());
        Assert.Contains("r1 1.1.0", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("(1 signature)", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(r0Id, recorded.GetProperty("reported_release_id").GetString());
    }

    /// <summary>A product "gw" with a cohort, and <paramref name="count"/> bundles of one signed binary, all made with the CLI.</summary>
    private async Task<(string Cohort, List<string> Bundles)> FleetWithBundlesAsync(CliSandbox cli, int count)
    {
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var cohort = (await cli.RunAsync("cohorts", "create", "--name", "stable", "--product", "gw", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        var artifact = (await cli.RunAsync("artifacts", "create", "--name", "rootfs", "-o", "json")).Succeeded().Json();
        var version = (await cli.RunAsync("artifact-versions", "create", "--artifact", artifact.GetProperty("id").GetString()!, "--version", "1.0.0", "-o", "json")).Succeeded().Json();
        (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_work, "keys"))).Succeeded();
        var file = Path.Combine(_work, "rootfs.img");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(2000), TestContext.Current.CancellationToken);
        var binary = (await cli.RunAsync("binaries", "create", "--artifact-version", version.GetProperty("id").GetString()!, "--target", "aarch64-unknown-linux-gnu",
            "--file", file, "--sign", "release", "--part-size", "1024", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        var bundles = new List<string>();
        for (var i = 0; i < count; i++)
        {
            bundles.Add((await cli.RunAsync("bundles", "create", "--binary", binary, "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!);
        }

        return (cohort, bundles);
    }
}
