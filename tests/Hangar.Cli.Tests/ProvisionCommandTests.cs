using Hangar.Agent.Configuration;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary><c>devices provision</c>: the files a device needs to start its agent, checked by the agent's own configuration loader.</summary>
public sealed class ProvisionCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>, IDisposable
{
    private const string ServerUrl = "https://hangar.example.com:8443/";
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-provision-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Provision_SimulatedSlots_WritesAConfigurationTheAgentAcceptsWithTheOrganizationsKeys()
    {
        using var cli = await OrganizationWithCaAsync("provision org");
        (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_directory, "keys"))).Succeeded();
        (await cli.RunAsync("signing-keys", "create", "--name", "backup", "--generate", "--out", Path.Combine(_directory, "keys"))).Succeeded();
        var keys = (await cli.RunAsync("signing-keys", "list", "-o", "json")).Succeeded().Json().GetProperty("data").EnumerateArray()
            .Select(k => k.GetProperty("value").GetString()!).Order().ToList();
        var home = Path.Combine(_directory, "gw-1");

        var result = (await cli.RunAsync("devices", "provision", "gw-1", "--ca", Path.Combine(_directory, "ca"), "--out", home, "--server-url", ServerUrl,
            "--simulated-slots", "--release-version", "1.0.0", "--targets", "portable,aarch64-unknown-linux-gnu", "--threshold", "2", "-o", "json")).Succeeded().Json();

        var config = AgentConfigLoader.Load(Path.Combine(home, "config.json"));
        Assert.Equal(ServerUrl, config.Server!.Url);
        Assert.Equal(Path.Combine(home, "server-ca.crt"), config.Server.CaCertificate);
        Assert.Equal(keys, config.Signing!.TrustedKeys.Order());
        Assert.Equal(2, config.Signing.Threshold);
        Assert.Equal("1.0.0", config.FactorySoftware.ReleaseVersion);
        Assert.Equal(["portable", "aarch64-unknown-linux-gnu"], config.Targets);
        Assert.Equal(Path.Combine(home, "slots"), config.Boot.SimulatedSlots!.Directory);
        Assert.NotNull(config.Installers.Slot);
        Assert.Equal(Path.Combine(home, "state"), config.Directories!.State);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home, "device.key")));
        }

        Assert.Equal(await fixture.Server.CreateClient(null).CaCertificates.ServerCaCertificateAsync(TestContext.Current.CancellationToken),
            await File.ReadAllTextAsync(Path.Combine(home, "server-ca.crt"), TestContext.Current.CancellationToken));
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(Path.Combine(home, "device.crt"), Path.Combine(home, "device.key"));
        Assert.Equal("CN=gw-1", certificate.Subject);
        Assert.Equal(2, result.GetProperty("trusted_keys").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("device_id").ValueKind);
    }

    [Fact]
    public async Task Provision_Register_CreatesTheDeviceWithItsCertificate()
    {
        using var cli = await OrganizationWithCaAsync("register org");
        (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_directory, "keys"))).Succeeded();
        (await cli.RunAsync("products", "create", "--name", "gateway")).Succeeded();

        var result = (await cli.RunAsync("devices", "provision", "gw-reg", "--ca", Path.Combine(_directory, "ca"), "--out", Path.Combine(_directory, "gw-reg"),
            "--server-url", ServerUrl, "--register", "--product", "gateway", "--tags", "lab", "--signing-key", "release", "-o", "json")).Succeeded().Json();

        var deviceId = result.GetProperty("device_id").GetGuid();
        var device = (await cli.RunAsync("devices", "get", deviceId.ToString(), "-o", "json")).Succeeded().Json();
        Assert.Equal("gw-reg", device.GetProperty("identifier").GetString());
        Assert.Equal(["lab"], device.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var certificates = (await cli.RunAsync("device-certificates", "list", "--search", $"device_id:'{deviceId}'", "-o", "json")).Succeeded().Json();
        Assert.Single(certificates.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Provision_ExistingFilesWithoutForce_ChangesNothingAnywhere()
    {
        using var cli = await OrganizationWithCaAsync("existing org");
        (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_directory, "keys"))).Succeeded();
        (await cli.RunAsync("products", "create", "--name", "gateway")).Succeeded();
        var home = Directory.CreateDirectory(Path.Combine(_directory, "gw-2")).FullName;
        await File.WriteAllTextAsync(Path.Combine(home, "config.json"), "mine", TestContext.Current.CancellationToken);

        var refused = await cli.RunAsync("devices", "provision", "gw-2", "--ca", Path.Combine(_directory, "ca"), "--out", home, "--server-url", ServerUrl,
            "--register", "--product", "gateway");

        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(home, "config.json"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(home, "device.key")));
        Assert.Empty((await cli.RunAsync("devices", "list", "-o", "json")).Succeeded().Json().GetProperty("data").EnumerateArray());
        (await cli.RunAsync("devices", "provision", "gw-2", "--ca", Path.Combine(_directory, "ca"), "--out", home, "--server-url", ServerUrl, "--force")).Succeeded();
        AgentConfigLoader.Load(Path.Combine(home, "config.json"));
    }

    [Theory]
    [InlineData(ExitCodes.UsageError, "--server-url", "http://plain.example.com")]
    [InlineData(ExitCodes.UsageError, "--product", "gateway")]
    [InlineData(ExitCodes.UsageError, "--threshold", "2")]
    [InlineData(ExitCodes.NotFound, "--signing-key", "nobody")]
    [InlineData(ExitCodes.UsageError, "--poll-interval", "5")]
    [InlineData(ExitCodes.UsageError, "--poll-jitter", "3600")]
    [InlineData(ExitCodes.UsageError, "--health-check", " ")]
    [InlineData(ExitCodes.UsageError, "--max-boot-attempts", "0")]
    public async Task Provision_BadOptions_ExitWithAClearErrorAndWriteNothing(int exitCode, string option, string value)
    {
        using var cli = await OrganizationWithCaAsync($"bad {option} org");
        (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_directory, "keys"))).Succeeded();
        var home = Path.Combine(_directory, "gw-bad");
        string[] arguments = ["devices", "provision", "gw-bad", "--ca", Path.Combine(_directory, "ca"), "--out", home];
        arguments = option == "--server-url" ? [.. arguments, option, value] : [.. arguments, "--server-url", ServerUrl, option, value];

        var result = await cli.RunAsync(arguments);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(home) && Directory.EnumerateFiles(home).Any());
    }

    [Fact]
    public async Task Provision_TrialSettings_AreWrittenSoTheConfigurationNeedsNoHandEdit()
    {
        using var cli = await OrganizationWithCaAsync("trial org");
        (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_directory, "keys"))).Succeeded();
        var home = Path.Combine(_directory, "gw-trial");
        const string Check = "! grep -q BROKEN \"$HANGAR_SLOT_DIRECTORY/app.bin\"";

        (await cli.RunAsync("devices", "provision", "gw-trial", "--ca", Path.Combine(_directory, "ca"), "--out", home, "--server-url", ServerUrl,
            "--simulated-slots", "--poll-interval", "10", "--health-check", Check, "--max-boot-attempts", "2")).Succeeded();

        var config = AgentConfigLoader.Load(Path.Combine(home, "config.json"));
        Assert.Equal((10, 0), (config.Polling.IntervalSeconds, config.Polling.JitterSeconds));
        Assert.Equal(["/bin/sh", "-c", Check], config.Boot.HealthCheckCommand);
        Assert.Equal(2, config.Boot.MaxBootAttempts);
        Assert.Equal(Path.Combine(home, "slots"), config.Boot.SimulatedSlots!.Directory);

        var defaults = Path.Combine(_directory, "gw-defaults");
        (await cli.RunAsync("devices", "provision", "gw-defaults", "--ca", Path.Combine(_directory, "ca"), "--out", defaults, "--server-url", ServerUrl,
            "--poll-interval", "60", "--poll-jitter", "15")).Succeeded();
        var plain = AgentConfigLoader.Load(Path.Combine(defaults, "config.json"));
        Assert.Equal((60, 15), (plain.Polling.IntervalSeconds, plain.Polling.JitterSeconds));
        Assert.Empty(plain.Boot.HealthCheckCommand);
        Assert.Null(plain.Boot.SimulatedSlots);
    }

    [Fact]
    public async Task Provision_WithoutServerUrl_WritesTheServersAdvertisedDeviceAddress()
    {
        using var cli = await OrganizationWithCaAsync("advertised org");
        (await cli.RunAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_directory, "keys"))).Succeeded();
        var advertised = (await cli.RunAsync("server", "info", "-o", "json")).Succeeded().Json().GetProperty("device_url").GetString();
        var home = Path.Combine(_directory, "gw-advertised");

        var result = (await cli.RunAsync("devices", "provision", "gw-advertised", "--ca", Path.Combine(_directory, "ca"), "--out", home, "-o", "json")).Succeeded().Json();

        Assert.Equal(fixture.Server.DeviceBaseAddress.ToString().TrimEnd('/'), advertised);
        Assert.Equal(advertised, AgentConfigLoader.Load(Path.Combine(home, "config.json")).Server!.Url);
        Assert.Equal(advertised, result.GetProperty("server_url").GetString());
    }

    [Fact]
    public async Task Provision_OrganizationWithoutSigningKeys_ExitsNotConfigured()
    {
        using var cli = await OrganizationWithCaAsync("keyless org");

        var result = await cli.RunAsync("devices", "provision", "gw-3", "--ca", Path.Combine(_directory, "ca"), "--out", Path.Combine(_directory, "gw-3"), "--server-url", ServerUrl);

        Assert.Equal(ExitCodes.NotConfigured, result.ExitCode);
        Assert.Contains("no signing keys", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<CliSandbox> OrganizationWithCaAsync(string name)
    {
        var cli = fixture.Cli(await fixture.NewOrganizationAsync(name));
        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_directory, "ca"), "--force")).Succeeded();
        return cli;
    }
}
