using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary><c>hangar x509</c> needs no server: these run with nothing configured.</summary>
public sealed class X509CommandTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly CliSandbox _cli = new();

    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-x509-test-").FullName;

    private string CaDirectory => Path.Combine(_directory, "ca");

    [Fact]
    public async Task CaCreate_NewDirectory_WritesSigningCaAndOwnerOnlyKey()
    {
        (await _cli.RunAsync("x509", "ca", "create", "--out", CaDirectory, "--name", "Fleet Dev CA", "--days", "30")).Succeeded();

        using var ca = X509Certificate2.CreateFromPemFile(Path.Combine(CaDirectory, "ca.crt"), Path.Combine(CaDirectory, "ca.key"));
        Assert.Equal("CN=Fleet Dev CA", ca.Subject);
        Assert.Equal(ca.Subject, ca.Issuer);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.True(ca.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.Equal("ECC", ca.PublicKey.Oid.FriendlyName);
        Assert.InRange(ca.NotAfter.ToUniversalTime() - TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromDays(29), TimeSpan.FromDays(30));
        AssertOwnerOnly(Path.Combine(CaDirectory, "ca.key"));
        Assert.Equal(["ca.crt", "ca.key"], Directory.GetFiles(CaDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeviceCreate_SignedByCa_HasIdentifierCnClientAuthAndChainsToTheCa()
    {
        await CreateCaAsync();
        var deviceDirectory = Path.Combine(_directory, "gw-0001");

        (await _cli.RunAsync(DeviceCreate(deviceDirectory, "gw-0001"))).Succeeded();

        using var device = X509Certificate2.CreateFromPemFile(Path.Combine(deviceDirectory, "device.crt"), Path.Combine(deviceDirectory, "device.key"));
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(CaDirectory, "ca.crt"));
        Assert.Equal("CN=gw-0001", device.Subject);
        Assert.False(device.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Contains(device.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(),
            oid => oid.Value == "1.3.6.1.5.5.7.3.2");
        Assert.True(Chains(device, ca), "the device certificate does not chain to the CA");
        AssertOwnerOnly(Path.Combine(deviceDirectory, "device.key"));
    }

    [Fact]
    public async Task VerificationCert_Code_IsTheCnAndSignedByTheCa()
    {
        await CreateCaAsync();
        var outDirectory = Path.Combine(_directory, "verification");

        (await _cli.RunAsync("x509", "verification-cert", "--ca-cert", Path.Combine(CaDirectory, "ca.crt"), "--ca-key", Path.Combine(CaDirectory, "ca.key"),
            "--code", "0123456789abcdef", "--out", outDirectory)).Succeeded();

        using var verification = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(outDirectory, "verification.crt"));
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(CaDirectory, "ca.crt"));
        Assert.Equal("0123456789abcdef", verification.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.True(Chains(verification, ca));
        Assert.Equal(["verification.crt"], Directory.GetFiles(outDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task CaCreate_FilesExist_RefusesAndLeavesThemUnchanged()
    {
        await CreateCaAsync();
        var key = await File.ReadAllTextAsync(Path.Combine(CaDirectory, "ca.key"), TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("x509", "ca", "create", "--out", CaDirectory);

        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.Contains("--force", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(key, await File.ReadAllTextAsync(Path.Combine(CaDirectory, "ca.key"), TestContext.Current.CancellationToken));
        Assert.Equal(["ca.crt", "ca.key"], Directory.GetFiles(CaDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeviceCreate_OnlyTheKeyExists_WritesNothing()
    {
        await CreateCaAsync();
        var deviceDirectory = Path.Combine(_directory, "half");
        Directory.CreateDirectory(deviceDirectory);
        await File.WriteAllTextAsync(Path.Combine(deviceDirectory, "device.key"), "precious", TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync(DeviceCreate(deviceDirectory, "gw-half"));

        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(deviceDirectory, "device.crt")));
        Assert.Equal("precious", await File.ReadAllTextAsync(Path.Combine(deviceDirectory, "device.key"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeviceCreate_Force_ReplacesTheFilesAndKeepsTheKeyOwnerOnly()
    {
        await CreateCaAsync();
        var deviceDirectory = Path.Combine(_directory, "rotated");
        (await _cli.RunAsync(DeviceCreate(deviceDirectory, "gw-rotated"))).Succeeded();
        var before = await File.ReadAllTextAsync(Path.Combine(deviceDirectory, "device.key"), TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // Looser than the CLI writes: --force must not inherit the old file's mode.
            File.SetUnixFileMode(Path.Combine(deviceDirectory, "device.key"), OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        (await _cli.RunAsync([.. DeviceCreate(deviceDirectory, "gw-rotated"), "--force"])).Succeeded();

        Assert.NotEqual(before, await File.ReadAllTextAsync(Path.Combine(deviceDirectory, "device.key"), TestContext.Current.CancellationToken));
        using var device = X509Certificate2.CreateFromPemFile(Path.Combine(deviceDirectory, "device.crt"), Path.Combine(deviceDirectory, "device.key"));
        Assert.Equal("CN=gw-rotated", device.Subject);
        AssertOwnerOnly(Path.Combine(deviceDirectory, "device.key"));
        Assert.Equal(["device.crt", "device.key"], Directory.GetFiles(deviceDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeviceCreate_KeyOfAnotherCertificate_ExitsUsageErrorAndWritesNothing()
    {
        await CreateCaAsync();
        var other = Path.Combine(_directory, "other");
        (await _cli.RunAsync("x509", "ca", "create", "--out", other)).Succeeded();
        var deviceDirectory = Path.Combine(_directory, "mismatch");

        var result = await _cli.RunAsync("x509", "device", "create", "--ca-cert", Path.Combine(CaDirectory, "ca.crt"), "--ca-key", Path.Combine(other, "ca.key"),
            "--identifier", "gw-1", "--out", deviceDirectory);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("does not match", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(deviceDirectory));
    }

    [Fact]
    public async Task DeviceCreate_DeviceCertificateAsCa_ExitsUsageError()
    {
        await CreateCaAsync();
        var device = Path.Combine(_directory, "leaf");
        (await _cli.RunAsync(DeviceCreate(device, "gw-leaf"))).Succeeded();

        var result = await _cli.RunAsync("x509", "device", "create", "--ca-cert", Path.Combine(device, "device.crt"), "--ca-key", Path.Combine(device, "device.key"),
            "--identifier", "gw-2", "--out", Path.Combine(_directory, "gw-2"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("is not a CA certificate", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gw 1")]
    [InlineData("gw/1")]
    public async Task DeviceCreate_InvalidIdentifier_ExitsUsageError(string identifier)
    {
        await CreateCaAsync();

        var result = await _cli.RunAsync(DeviceCreate(Path.Combine(_directory, "bad"), identifier));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--identifier", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceCreate_MissingCaFile_ExitsUsageErrorNamingTheOption()
    {
        var result = await _cli.RunAsync(DeviceCreate(Path.Combine(_directory, "nothing"), "gw-1"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("error: --ca-cert:", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task CreateCaAsync() => (await _cli.RunAsync("x509", "ca", "create", "--out", CaDirectory)).Succeeded();

    private string[] DeviceCreate(string outDirectory, string identifier) =>
        ["x509", "device", "create", "--ca-cert", Path.Combine(CaDirectory, "ca.crt"), "--ca-key", Path.Combine(CaDirectory, "ca.key"),
            "--identifier", identifier, "--out", outDirectory];

    private static bool Chains(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static void AssertOwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        }
    }
}
