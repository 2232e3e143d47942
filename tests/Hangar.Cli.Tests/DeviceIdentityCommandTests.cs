using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Testing.Pki;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>device-certificates, ca-certificates and server ca-certificate, with certificates made by <c>hangar x509</c>.</summary>
public sealed class DeviceIdentityCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-identity-test-").FullName;

    private string Ca(string file) => Path.Combine(_directory, "ca", file);

    [Fact]
    public async Task ProofOfPossessionWithJitp_OnlyTheCli_ProvisionsTheDeviceOnItsFirstMutualTlsRequest()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("jitp org"));
        (await cli.RunAsync("products", "create", "--name", "gateway")).Succeeded();
        (await cli.RunAsync("cohorts", "create", "--name", "field", "--product", "gateway")).Succeeded();

        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_directory, "ca"), "--name", "Fleet CA")).Succeeded();
        var code = (await cli.RunAsync("ca-certificates", "create-verification-code", "-o", "json")).Succeeded().Json().GetProperty("verification_code").GetString()!;
        (await cli.RunAsync("x509", "verification-cert", "--ca-cert", Ca("ca.crt"), "--ca-key", Ca("ca.key"), "--code", code, "--out", _directory)).Succeeded();
        var registered = (await cli.RunAsync("ca-certificates", "create", "--cert", Ca("ca.crt"), "--verification-cert", Path.Combine(_directory, "verification.crt"),
            "--description", "factory line 1", "--jitp-product", "gateway", "--jitp-cohort", "field", "--jitp-tags", "factory,line1", "-o", "json")).Succeeded().Json();
        (await cli.RunAsync("x509", "device", "create", "--ca-cert", Ca("ca.crt"), "--ca-key", Ca("ca.key"), "--identifier", "gw-jitp-1",
            "--out", Path.Combine(_directory, "gw-jitp-1"))).Succeeded();

        using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(_directory, "gw-jitp-1", "device.crt"), Path.Combine(_directory, "gw-jitp-1", "device.key"));
        using var device = DeviceHttp.Create(fixture.Server, certificate);
        using var response = await device.GetAsync("device/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<DeviceIdentityResponse>(ApiTransport.JsonOptions, TestContext.Current.CancellationToken);

        Assert.Equal("CN=Fleet CA", registered.GetProperty("subject").GetString());
        Assert.Equal(["factory", "line1"], registered.GetProperty("jitp").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("gw-jitp-1", me!.Identifier);
        Assert.NotNull(me.CohortId);
        var listed = (await cli.RunAsync("devices", "list", "--search", "tags:'line1'", "-o", "json")).Succeeded().Json();
        var provisioned = Assert.Single(listed.GetProperty("data").EnumerateArray());
        Assert.Equal("gw-jitp-1", provisioned.GetProperty("identifier").GetString());
        Assert.Equal(me.Id, provisioned.GetProperty("id").GetGuid());
        var table = (await cli.RunAsync("devices", "list")).Succeeded();
        Assert.Contains("gw-jitp-1", table.Stdout, StringComparison.Ordinal);
        var certificates = (await cli.RunAsync("device-certificates", "list", "--search", $"device_id:'{me.Id}'", "-o", "json")).Succeeded().Json();
        Assert.Equal(registered.GetProperty("id").GetGuid(), Assert.Single(certificates.GetProperty("data").EnumerateArray()).GetProperty("ca_certificate_id").GetGuid());
    }

    [Fact]
    public async Task CaCertificatesCreate_CodeOfTheWrongCa_ExitsValidationFailedAndTheCodeStillWorks()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("wrong ca org"));
        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_directory, "ca"))).Succeeded();
        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_directory, "impostor"))).Succeeded();
        var code = (await cli.RunAsync("ca-certificates", "create-verification-code", "-o", "json")).Succeeded().Json().GetProperty("verification_code").GetString()!;
        (await cli.RunAsync("x509", "verification-cert", "--ca-cert", Path.Combine(_directory, "impostor", "ca.crt"), "--ca-key", Path.Combine(_directory, "impostor", "ca.key"),
            "--code", code, "--out", Path.Combine(_directory, "wrong"))).Succeeded();
        (await cli.RunAsync("x509", "verification-cert", "--ca-cert", Ca("ca.crt"), "--ca-key", Ca("ca.key"), "--code", code, "--out", Path.Combine(_directory, "right"))).Succeeded();

        var refused = await cli.RunAsync("ca-certificates", "create", "--cert", Ca("ca.crt"), "--verification-cert", Path.Combine(_directory, "wrong", "verification.crt"));
        var accepted = await cli.RunAsync("ca-certificates", "create", "--cert", Ca("ca.crt"), "--verification-cert", Path.Combine(_directory, "right", "verification.crt"));

        Assert.Equal(ExitCodes.ValidationFailed, refused.ExitCode);
        Assert.StartsWith("error: ", refused.Stderr, StringComparison.Ordinal);
        accepted.Succeeded();
    }

    [Fact]
    public async Task CaCertificatesUpdateAndDelete_RegisteredCa_DisablesReplacesJitpAndDeletes()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("ca update org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var id = await RegisterCaAsync(cli);

        var disabled = (await cli.RunAsync("ca-certificates", "update", id, "--enabled", "false", "--jitp-product", "gw", "--jitp-target", "armv7", "-o", "json")).Succeeded().Json();
        var noJitp = (await cli.RunAsync("ca-certificates", "update", id, "--disable-jitp", "--description", "retired", "-o", "json")).Succeeded().Json();
        var listed = (await cli.RunAsync("ca-certificates", "list", "--search", "enabled:false", "-o", "json")).Succeeded().Json();
        var shown = (await cli.RunAsync("ca-certificates", "get", id)).Succeeded();
        (await cli.RunAsync("ca-certificates", "delete", id)).Succeeded();

        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Equal("armv7", disabled.GetProperty("jitp").GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Null, noJitp.GetProperty("jitp").ValueKind);
        Assert.Equal(id, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("retired", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await cli.RunAsync("ca-certificates", "get", id)).ExitCode);
    }

    [Fact]
    public async Task CaCertificatesUpdate_JitpOptionsWithoutProduct_ExitsUsageError()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("jitp usage org"));

        var result = await cli.RunAsync("ca-certificates", "update", "01890000-0000-7000-8000-000000000000", "--jitp-tags", "a");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--jitp-product is required", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceCertificates_CreateGetListRevoke_RevokedCertificateIsRefusedByTheListener()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("device certs org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var deviceId = (await cli.RunAsync("devices", "create", "--identifier", "gw-cert-1", "--product", "gw", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_directory, "ca"))).Succeeded();
        var files = Path.Combine(_directory, "gw-cert-1");
        (await cli.RunAsync("x509", "device", "create", "--ca-cert", Ca("ca.crt"), "--ca-key", Ca("ca.key"), "--identifier", "gw-cert-1", "--out", files)).Succeeded();

        var created = (await cli.RunAsync("device-certificates", "create", "--device", deviceId, "--cert", Path.Combine(files, "device.crt"), "-o", "json")).Succeeded().Json();
        var id = created.GetProperty("id").GetString()!;
        using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(files, "device.crt"), Path.Combine(files, "device.key"));
        using var device = DeviceHttp.Create(fixture.Server, certificate);
        var before = await StatusAsync(device);
        var shown = (await cli.RunAsync("device-certificates", "get", id)).Succeeded();
        (await cli.RunAsync("device-certificates", "revoke", id)).Succeeded();
        var listed = (await cli.RunAsync("device-certificates", "list", "--search", "status:'revoked'", "-o", "json")).Succeeded().Json();
        var after = await StatusAsync(device);

        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Contains(created.GetProperty("fingerprint").GetString()!, shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(id, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    [Fact]
    public async Task DeviceCertificatesCreate_PrivateKeyInsteadOfCertificate_ExitsValidationFailed()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("key upload org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var deviceId = (await cli.RunAsync("devices", "create", "--identifier", "gw-key", "--product", "gw", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_directory, "ca"))).Succeeded();

        var result = await cli.RunAsync("device-certificates", "create", "--device", deviceId, "--cert", Ca("ca.key"));

        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        Assert.StartsWith("error: invalid_certificate:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCaCertificate_StdoutAndOut_AreTheFileAgentsPin()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("server ca org"));
        using var expected = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(fixture.Server.DataDirectory, "tls", "server-ca.crt"));
        var path = Path.Combine(_directory, "server-ca.crt");

        var printed = (await cli.RunAsync("server", "ca-certificate")).Succeeded();
        (await cli.RunAsync("server", "ca-certificate", "--out", path)).Succeeded();
        var again = await cli.RunAsync("server", "ca-certificate", "--out", path);
        (await cli.RunAsync("server", "ca-certificate", "--out", path, "--force")).Succeeded();

        Assert.Equal(expected.RawData, X509Certificate2.CreateFromPem(printed.Stdout).RawData);
        Assert.Equal(expected.RawData, X509CertificateLoader.LoadCertificateFromFile(path).RawData);
        Assert.Equal(ExitCodes.Conflict, again.ExitCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> RegisterCaAsync(CliSandbox cli)
    {
        (await cli.RunAsync("x509", "ca", "create", "--out", Path.Combine(_directory, "ca"))).Succeeded();
        var code = (await cli.RunAsync("ca-certificates", "create-verification-code", "-o", "json")).Succeeded().Json().GetProperty("verification_code").GetString()!;
        (await cli.RunAsync("x509", "verification-cert", "--ca-cert", Ca("ca.crt"), "--ca-key", Ca("ca.key"), "--code", code, "--out", _directory)).Succeeded();
        var registered = (await cli.RunAsync("ca-certificates", "create", "--cert", Ca("ca.crt"), "--verification-cert", Path.Combine(_directory, "verification.crt"), "-o", "json")).Succeeded();
        return registered.Json().GetProperty("id").GetString()!;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient device)
    {
        using var response = await device.GetAsync("device/v1/me", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
