using System.Security.Cryptography;
using System.Text.Json;
using Hangar.Cli.Firmware;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>
/// Every CLI option and argument that names a resource takes its name (or identifier, version, fingerprint, URL…) as
/// well as its id and HRN: a whole fleet is set up, used and taken apart here by names alone, and the test checks that
/// this covered every such option the command tree has (found from the help texts, <see cref="ReferencingOptions"/>).
/// </summary>
public sealed class NameResolutionCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hangar-cli-names-").FullName;
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);

    [Fact]
    public async Task EveryReferencingOption_TakesTheResourcesName()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("names org"));
        await FleetAsync(cli);
        await FirmwareAsync(cli);
        await ReleasesAsync(cli);
        await IdentityAsync(cli);
        await WebhooksAndKeysAsync(cli);
        await MembersAsync(cli);
        await TakeApartAsync(cli);

        Assert.Empty(ReferencingOptions.TakingNames().Except(_covered));
    }

    [Fact]
    public async Task AnAmbiguousName_IsRefused_AndTheCandidatesArePrinted()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("ambiguous names org"));
        (await cli.RunAsync("products", "create", "--name", "camera")).Succeeded();
        (await cli.RunAsync("products", "create", "--name", "doorbell")).Succeeded();
        var first = (await cli.RunAsync("cohorts", "create", "--name", "beta", "--product", "camera", "-o", "json")).Succeeded().Json();
        var second = (await cli.RunAsync("cohorts", "create", "--name", "beta", "--product", "doorbell", "-o", "json")).Succeeded().Json();

        var refused = await cli.RunAsync("cohorts", "get", "beta");

        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.StartsWith("error: ambiguous_reference: 'beta' names 2 cohorts", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains($"  {first.GetProperty("hrn").GetString()}  camera/beta", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains($"  {second.GetProperty("hrn").GetString()}  doorbell/beta", refused.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task FleetAsync(CliSandbox cli)
    {
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        (await cli.RunAsync("products", "create", "--name", "spare")).Succeeded();
        await Covers(cli, "cohorts create --product", "cohorts", "create", "--name", "stable", "--product", "gw");
        await Covers(cli, "cohorts create --product", "cohorts", "create", "--name", "beta", "--product", "gw");
        await Covers(cli, "cohorts create --product", "cohorts", "create", "--name", "empty", "--product", "gw");
        await Covers(cli, "products get id", "products", "get", "gw");
        await Covers(cli, "products update id", "products", "update", "gw", "--archived", "false");
        await Covers(cli, "cohorts get id", "cohorts", "get", "stable");
        await Covers(cli, "cohorts update id", "cohorts", "update", "stable", "--description", "most devices");
        foreach (var identifier in new[] { "gw-1", "gw-2" })
        {
            await Covers(cli, "devices create --product", "devices", "create", "--identifier", identifier, "--product", "gw", "--cohort", "stable");
        }

        _covered.Add("devices create --cohort");
        await Covers(cli, "devices get id", "devices", "get", "gw-1");
        await Covers(cli, "devices update id", "devices", "update", "gw-1", "--product", "gw", "--cohort", "beta");
        _covered.UnionWith(["devices update --product", "devices update --cohort"]);
        Assert.Equal("beta", await CohortNameOfAsync(cli, "gw-1"));
        await Covers(cli, "devices bulk --id", "devices", "bulk", "move-cohort", "--id", "gw-1", "--id", "gw-2", "--cohort", "stable");
        _covered.Add("devices bulk --cohort");
        Assert.Equal("stable", await CohortNameOfAsync(cli, "gw-1"));
        await Covers(cli, "devices updates id", "devices", "updates", "gw-1");
        await Covers(cli, "devices metrics id", "devices", "metrics", "gw-1", "--name", "heartbeat.load1", "--chart");
        await Covers(cli, "health-rules create --product", "health-rules", "create", "--product", "gw", "--name", "disk",
            "--metric", "heartbeat.disk_used_percent", "--aggregation", "min", "--operator", ">", "--threshold", "90", "--window", "10m");
        await Covers(cli, "health-rules list --product", "health-rules", "list", "--product", "gw");
        await Covers(cli, "health-rules get --product", "health-rules", "get", "disk", "--product", "gw");
        _covered.Add("health-rules get rule");
        await Covers(cli, "health-rules update --product", "health-rules", "update", "disk", "--product", "gw", "--severity", "critical");
        _covered.Add("health-rules update rule");
        await Covers(cli, "devices health id", "devices", "health", "gw-1");
        await Covers(cli, "health-rules delete --product", "health-rules", "delete", "disk", "--product", "gw");
        _covered.Add("health-rules delete rule");
        // gw-1 has no control socket open: the server refuses as device_offline, which it can only say of the device
        // the name resolved to (an unresolved name ends in not_found before any request).
        await CoversRefusedAsOffline(cli, "devices check-now id", "devices", "check-now", "gw-1");
        await CoversRefusedAsOffline(cli, "devices reboot id", "devices", "reboot", "gw-1", "--yes");
        await CoversRefusedAsOffline(cli, "tunnels open id", "tunnels", "open", "gw-1", "--port", "22");
        await CoversRefusedAsOffline(cli, "ssh id", "ssh", "gw-1");
        await Covers(cli, "ddi target-token create id", "ddi", "target-token", "create", "gw-1");
        await Covers(cli, "ddi get id", "ddi", "get", "gw-1");
        await Covers(cli, "ddi target-token revoke id", "ddi", "target-token", "revoke", "gw-1");
    }

    private async Task FirmwareAsync(CliSandbox cli)
    {
        (await cli.RunAsync("artifacts", "create", "--name", "rootfs")).Succeeded();
        (await cli.RunAsync("artifacts", "create", "--name", "spare")).Succeeded();
        await Covers(cli, "artifacts get id", "artifacts", "get", "rootfs");
        await Covers(cli, "artifacts update id", "artifacts", "update", "rootfs", "--description", "the root file system");
        await Covers(cli, "artifact-versions create --artifact", "artifact-versions", "create", "--artifact", "rootfs", "--version", "1.0.0");
        await Covers(cli, "artifact-versions create --artifact", "artifact-versions", "create", "--artifact", "rootfs", "--version", "9.9.9");
        await Covers(cli, "artifact-versions get id", "artifact-versions", "get", "1.0.0");
        await Covers(cli, "artifact-versions update id", "artifact-versions", "update", "1.0.0", "--description", "first");
        foreach (var key in new[] { "release", "second", "spare" })
        {
            (await cli.RunAsync("signing-keys", "create", "--name", key, "--generate", "--out", Path.Combine(_work, "keys"))).Succeeded();
        }

        await Covers(cli, "signing-keys get id", "signing-keys", "get", "release");
        await Covers(cli, "signing-keys update id", "signing-keys", "update", "second", "--name", "second");
        var file = Path.Combine(_work, "rootfs.img");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(2000), TestContext.Current.CancellationToken);
        var binary = (await Covers(cli, "binaries create --artifact-version", "binaries", "create", "--artifact-version", "1.0.0",
            "--target", "aarch64-unknown-linux-gnu", "--file", file, "--sign", "release", "--part-size", "1024")).Json();
        var binaryId = binary.GetProperty("id").GetString()!;
        using (var second = LocalSigningKey.Load(Path.Combine(_work, "keys", "second.pem")))
        {
            var signature = LocalSigningKey.SignDigest(second, binary.GetProperty("sha256").GetString()!);
            await Covers(cli, "binary-signatures create --signing-key", "binary-signatures", "create", "--binary", binaryId, "--signing-key", "second", "--signature", signature);
        }

        foreach (var bundle in new[] { "b1", "b2", "b3", "spare" })
        {
            (await cli.RunAsync("bundles", "create", "--binary", binaryId, "--name", bundle)).Succeeded();
        }

        await Covers(cli, "bundles get id", "bundles", "get", "b1");
        await Covers(cli, "bundles update id", "bundles", "update", "b1", "--name", "b1");
    }

    private async Task ReleasesAsync(CliSandbox cli)
    {
        await Covers(cli, "releases create --cohort", "releases", "create", "--name", "r0", "--cohort", "stable", "--bundle", "b1", "--version", "1.0.0");
        await Covers(cli, "releases create --bundle", "releases", "create", "--name", "r2", "--cohort", "stable", "--bundle", "b2", "--version", "1.2.0");
        var between = (await Covers(cli, "releases create --next-release", "releases", "create", "--name", "r1", "--cohort", "stable", "--bundle", "b3",
            "--previous-release", "r0", "--next-release", "r2")).Json();
        _covered.Add("releases create --previous-release");
        await Covers(cli, "releases get id", "releases", "get", "r1");
        var updated = (await Covers(cli, "releases update id", "releases", "update", "r1", "--next-release", "r2")).Json();
        Assert.Equal(between.GetProperty("next_release_id").GetString(), updated.GetProperty("next_release_id").GetString());
        _covered.Add("releases update --next-release");
        await Covers(cli, "releases stats id", "releases", "stats", "r1");
        await Covers(cli, "releases halt id", "releases", "halt", "r2", "--reason", "resets");
        await Covers(cli, "releases resume id", "releases", "resume", "r2");
        await Covers(cli, "releases rollback id", "releases", "rollback", "r2", "--reason", "resets again", "--to", "r0");
        _covered.Add("releases rollback --to");
        await Covers(cli, "devices get-update id", "devices", "get-update", "gw-1", "--release", "r0", "--bundle", "b1");
        _covered.UnionWith(["devices get-update --release", "devices get-update --bundle"]);

        await Covers(cli, "bundle-overrides create --bundle", "bundle-overrides", "create", "--name", "hotfix", "--bundle", "b1", "--starts-at", "2030-01-01T00:00:00Z");
        await Covers(cli, "bundle-overrides get id", "bundle-overrides", "get", "hotfix");
        await Covers(cli, "bundle-overrides update id", "bundle-overrides", "update", "hotfix", "--bundle", "b2");
        _covered.Add("bundle-overrides update --bundle");
        await Covers(cli, "bundle-overrides devices add id", "bundle-overrides", "devices", "add", "hotfix", "--device", "gw-1", "--device", "gw-2");
        _covered.Add("bundle-overrides devices add --device");
        await Covers(cli, "bundle-overrides devices list id", "bundle-overrides", "devices", "list", "hotfix");
        await Covers(cli, "bundle-overrides devices remove id", "bundle-overrides", "devices", "remove", "hotfix", "gw-2");
        _covered.Add("bundle-overrides devices remove device");
    }

    private async Task IdentityAsync(CliSandbox cli)
    {
        string Ca(string file) => Path.Combine(_work, "ca", file);
        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_work, "ca"))).Succeeded();
        var code = (await cli.RunAsync("ca-certificates", "create-verification-code", "-o", "json")).Succeeded().Json().GetProperty("verification_code").GetString()!;
        (await cli.RunAsync("x509", "verification-cert", "--ca-cert", Ca("ca.crt"), "--ca-key", Ca("ca.key"), "--code", code, "--out", _work)).Succeeded();
        var ca = (await Covers(cli, "ca-certificates create --jitp-product", "ca-certificates", "create", "--cert", Ca("ca.crt"),
            "--verification-cert", Path.Combine(_work, "verification.crt"), "--jitp-product", "gw", "--jitp-cohort", "stable")).Json();
        _covered.Add("ca-certificates create --jitp-cohort");
        var fingerprint = ca.GetProperty("fingerprint").GetString()!;
        await Covers(cli, "ca-certificates get id", "ca-certificates", "get", fingerprint);
        await Covers(cli, "ca-certificates update id", "ca-certificates", "update", fingerprint, "--jitp-product", "gw", "--jitp-cohort", "beta");
        _covered.UnionWith(["ca-certificates update --jitp-product", "ca-certificates update --jitp-cohort"]);

        var files = Path.Combine(_work, "gw-1");
        (await cli.RunAsync("x509", "device", "create", "--ca-cert", Ca("ca.crt"), "--ca-key", Ca("ca.key"), "--identifier", "gw-1", "--out", files)).Succeeded();
        var certificate = (await Covers(cli, "device-certificates create --device", "device-certificates", "create", "--device", "gw-1",
            "--cert", Path.Combine(files, "device.crt"))).Json();
        await Covers(cli, "device-certificates get id", "device-certificates", "get", certificate.GetProperty("fingerprint").GetString()!);
        await Covers(cli, "device-certificates revoke id", "device-certificates", "revoke", certificate.GetProperty("fingerprint").GetString()!);

        await Covers(cli, "devices provision --product", "devices", "provision", "gw-9", "--ca", Path.Combine(_work, "ca"), "--out", Path.Combine(_work, "gw-9"),
            "--server-url", "https://127.0.0.1:4001", "--register", "--product", "gw", "--cohort", "stable", "--signing-key", "release",
            "--release", "r0", "--bundle", "b1");
        _covered.UnionWith(["devices provision --cohort", "devices provision --signing-key", "devices provision --release", "devices provision --bundle"]);
        var factory = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "gw-9", "config.json"))).RootElement.GetProperty("factory_software");
        Assert.Equal((await cli.RunAsync("releases", "get", "r0", "-o", "json")).Succeeded().Json().GetProperty("id").GetString(), factory.GetProperty("release").GetString());
        Assert.Equal((await cli.RunAsync("bundles", "get", "b1", "-o", "json")).Succeeded().Json().GetProperty("id").GetString(), factory.GetProperty("bundle").GetString());
        Assert.Equal("stable", await CohortNameOfAsync(cli, "gw-9"));
    }

    private async Task WebhooksAndKeysAsync(CliSandbox cli)
    {
        const string Url = "http://127.0.0.1:9/names-hook";
        (await cli.RunAsync("webhooks", "create", "--url", Url, "--events", "*")).Succeeded();
        await Covers(cli, "webhooks get id", "webhooks", "get", Url);
        await Covers(cli, "webhooks update id", "webhooks", "update", Url, "--description", "by URL");
        var delivery = (await Covers(cli, "webhooks test-fire id", "webhooks", "test-fire", Url)).Json().GetProperty("id").GetString()!;
        await Covers(cli, "webhooks delivery id", "webhooks", "delivery", Url, delivery);
        await Covers(cli, "webhooks deliveries id", "webhooks", "deliveries", Url);
        await Covers(cli, "webhooks redeliver id", "webhooks", "redeliver", Url, delivery);
        await Covers(cli, "webhooks roll-secret id", "webhooks", "roll-secret", Url);

        var key = (await cli.RunAsync("api-keys", "create", "--name", "ci", "--role", "viewer", "-o", "json")).Succeeded().Json();
        await Covers(cli, "api-keys get id", "api-keys", "get", "ci");
        await Covers(cli, "api-keys get id", "api-keys", "get", key.GetProperty("key").GetProperty("prefix").GetString()!);
        await Covers(cli, "api-keys revoke id", "api-keys", "revoke", "ci");
    }

    /// <summary>A member is named by their email, in any case (emails are compared lower-cased, as at sign-in).</summary>
    private async Task MembersAsync(CliSandbox cli)
    {
        var added = (await cli.RunAsync("members", "add", "--email", "ada@names.example", "--role", "viewer", "-o", "json")).Succeeded().Json();
        var memberId = added.GetProperty("member").GetProperty("id").GetString();
        var shown = (await Covers(cli, "members get id", "members", "get", "Ada@Names.Example")).Json();
        Assert.Equal(memberId, shown.GetProperty("id").GetString());
        var updated = (await Covers(cli, "members update id", "members", "update", "ada@names.example", "--role", "operator")).Json();
        Assert.Equal("operator", updated.GetProperty("role").GetString());
        await Covers(cli, "members remove id", "members", "remove", "ada@names.example");
    }

    private async Task TakeApartAsync(CliSandbox cli)
    {
        await Covers(cli, "releases delete id", "releases", "delete", "r2-rollback");
        await Covers(cli, "bundle-overrides delete id", "bundle-overrides", "delete", "hotfix");
        await Covers(cli, "webhooks delete id", "webhooks", "delete", "http://127.0.0.1:9/names-hook");
        await Covers(cli, "ca-certificates delete id", "ca-certificates", "delete",
            (await cli.RunAsync("ca-certificates", "list", "-o", "json")).Succeeded().Json().GetProperty("data")[0].GetProperty("fingerprint").GetString()!);
        await Covers(cli, "signing-keys delete id", "signing-keys", "delete", "spare");
        await Covers(cli, "signing-keys revoke id", "signing-keys", "revoke", "second", "--reason", "retired");
        await Covers(cli, "bundles delete id", "bundles", "delete", "spare");
        await Covers(cli, "artifact-versions delete id", "artifact-versions", "delete", "9.9.9");
        await Covers(cli, "artifacts delete id", "artifacts", "delete", "spare");
        await Covers(cli, "devices delete id", "devices", "delete", "gw-2");
        await Covers(cli, "cohorts delete id", "cohorts", "delete", "empty");
        await Covers(cli, "products delete id", "products", "delete", "spare");
    }

    /// <summary>Runs a command that names resources by name only; it must succeed (an unresolved name is a 404 or 400).</summary>
    private async Task<CliResult> Covers(CliSandbox cli, string option, params string[] args)
    {
        var result = (await cli.RunAsync([.. args, "-o", "json"])).Succeeded();
        _covered.Add(option);
        return result;
    }

    private async Task CoversRefusedAsOffline(CliSandbox cli, string option, params string[] args)
    {
        var refused = await cli.RunAsync(args);
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains("device_offline", refused.Stderr, StringComparison.Ordinal);
        _covered.Add(option);
    }

    private static async Task<string> CohortNameOfAsync(CliSandbox cli, string identifier)
    {
        var cohortId = (await cli.RunAsync("devices", "get", identifier, "-o", "json")).Succeeded().Json().GetProperty("cohort_id").GetString()!;
        return (await cli.RunAsync("cohorts", "get", cohortId, "-o", "json")).Succeeded().Json().GetProperty("name").GetString()!;
    }
}
