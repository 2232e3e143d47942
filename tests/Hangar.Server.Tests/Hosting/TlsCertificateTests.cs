using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Hangar.Server.Hosting.Secrets;
using Hangar.Server.Hosting.Tls;
using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// The server certificate as real TLS handshakes see it: a replaced certificate is served without a restart, an
/// expired self-generated one is re-issued by the server CA, and a configured one close to expiry is warned about.
/// </summary>
public sealed class TlsCertificateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-tls-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string TlsPath(string file) => Path.Combine(_directory, "tls", file);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task HandshakeAtTheInstantTheListenerBinds_IsServedTheCertificate()
    {
        await using var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Server:DataDirectory"] = _directory,
            ["Server:AdminUrl"] = "https://127.0.0.1:0",
        }, services => services.AddSingleton<FirstHandshakeProbe>().AddHostedService(provider => provider.GetRequiredService<FirstHandshakeProbe>()), Cancel);

        var served = await server.Services.GetRequiredService<FirstHandshakeProbe>().Served.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        Assert.Equal(server.ServerCertificate.Thumbprint, served.Thumbprint);
    }

    [Fact]
    public async Task UnreadableCertificateFiles_FailTheStart_BeforeAnyListenerBinds()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "tls"));
        await File.WriteAllTextAsync(TlsPath("server.crt"), "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", Cancel);
        await File.WriteAllTextAsync(TlsPath("server.key"), "not a key", Cancel);

        await Assert.ThrowsAnyAsync<Exception>(() => StartAsync());
    }

    [Fact]
    public async Task ReplacedCertificate_IsServedToNewConnections_WithoutARestart()
    {
        await using var server = await StartAsync();
        var before = await HandshakeAsync(server);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var replacement = ServerLeaf(key, TimeProvider.System.GetUtcNow().AddYears(1), issuer: null);
        await InstallAsync(replacement, key);

        var watch = Stopwatch.StartNew();
        X509Certificate2 served;
        while ((served = await HandshakeAsync(server)).Thumbprint == before.Thumbprint)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the replaced certificate was never served");
            await Task.Delay(200, Cancel);
        }

        Assert.Equal(replacement.Thumbprint, served.Thumbprint);
    }

    [Fact]
    public async Task ExpiredSelfGeneratedCertificate_IsReissuedByTheServerCa_AtStart()
    {
        X509Certificate2 expired;
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await using (var first = await StartAsync())
            {
                await HandshakeAsync(first);
                using var ca = first.Services.GetRequiredService<ServerCertificateAuthority>().Find()!;
                // The CA was made minutes ago (valid from five minutes before), and a leaf cannot predate its issuer.
                expired = ServerLeaf(key, ca.NotBefore.ToUniversalTime().AddMinutes(1), ca);
                Assert.True(expired.NotAfter.ToUniversalTime() < TimeProvider.System.GetUtcNow().UtcDateTime);
                var secrets = first.Services.GetRequiredService<ServerSecrets>();
                var stored = secrets.Find(ServerCertificateStore.SecretName)!;
                Assert.True(secrets.TryReplace(ServerCertificateStore.SecretName, stored,
                    Encoding.UTF8.GetBytes(expired.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem())));
            }
        }

        await using var restarted = await StartAsync();
        var served = await HandshakeAsync(restarted);

        Assert.NotEqual(expired.Thumbprint, served.Thumbprint);
        Assert.True(served.NotAfter.ToUniversalTime() > TimeProvider.System.GetUtcNow().UtcDateTime.AddYears(1));
        Assert.Equal(expired.Issuer, served.Issuer);
        expired.Dispose();
    }

    [Fact]
    public async Task OlderVersionsFiles_AreImported_SoTheCaAndCertificateStayTheSame()
    {
        // What an older version left in tls/: its CA (with key) and a certificate it issued.
        Directory.CreateDirectory(Path.Combine(_directory, "tls"));
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Hangar server CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(20));
        await File.WriteAllTextAsync(TlsPath("server-ca.crt"), ca.ExportCertificatePem(), Cancel);
        await File.WriteAllTextAsync(TlsPath("server-ca.key"), caKey.ExportPkcs8PrivateKeyPem(), Cancel);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = ServerLeaf(key, TimeProvider.System.GetUtcNow().AddYears(2), ca);
        await InstallAsync(leaf, key);

        await using var server = await StartAsync();

        Assert.Equal(leaf.Thumbprint, (await HandshakeAsync(server)).Thumbprint);
        using var stored = server.Services.GetRequiredService<ServerCertificateAuthority>().Find()!;
        Assert.Equal(ca.Thumbprint, stored.Thumbprint);
        using var http = server.CreateHttpClient(null, new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, served, _, _) => served?.GetCertHashString() == leaf.Thumbprint } });
        Assert.Equal(ca.ExportCertificatePem() + "\n", await http.GetStringAsync("api/v1/server/ca_certificate", Cancel));
    }

    [Fact]
    public async Task ConfiguredCertificateExpiringSoon_IsWarnedAboutLoudly_AndHealthSaysSo()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "tls"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var configured = ServerLeaf(key, TimeProvider.System.GetUtcNow().AddDays(10), issuer: null);
        await InstallAsync(configured, key);
        var logs = new CapturedLogs();

        await using var server = await StartAsync(logs);

        Assert.Equal(configured.Thumbprint, (await HandshakeAsync(server)).Thumbprint);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("THE TLS CERTIFICATE EXPIRES SOON", StringComparison.Ordinal));
        using var http = server.CreateHttpClient(null, new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == configured.Thumbprint },
        });
        var health = JsonDocument.Parse(await http.GetStringAsync("healthz", Cancel)).RootElement;
        Assert.Equal(("degraded", "expiring"), (health.GetProperty("status").GetString(), health.GetProperty("checks").GetProperty("tls_certificate").GetString()));
    }

    private Task<HangarTestServer> StartAsync(CapturedLogs? logs = null) =>
        HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Server:DataDirectory"] = _directory,
            ["Server:AdminUrl"] = "https://127.0.0.1:0",
            ["Tls:ReloadCheckSeconds"] = "1",
        }, services =>
        {
            if (logs is not null)
            {
                services.AddSingleton<ILoggerProvider>(logs);
            }
        }, Cancel);

    private async Task InstallAsync(X509Certificate2 certificate, ECDsa key)
    {
        // The key first, then the certificate, as an operator's tooling (certbot's deploy hook) would.
        await File.WriteAllTextAsync(TlsPath("server.key"), key.ExportPkcs8PrivateKeyPem(), Cancel);
        await File.WriteAllTextAsync(TlsPath("server.crt"), certificate.ExportCertificatePem(), Cancel);
    }

    private static X509Certificate2 ServerLeaf(ECDsa key, DateTimeOffset notAfter, X509Certificate2? issuer)
    {
        var request = new CertificateRequest("CN=replacement", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var notBefore = issuer is null ? notAfter.AddDays(-30) : new DateTimeOffset(issuer.NotBefore.ToUniversalTime());
        return issuer is null
            ? request.CreateSelfSigned(notBefore, notAfter)
            : request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>A fresh TLS connection to the admin listener; the certificate the server presented.</summary>
    private static async Task<X509Certificate2> HandshakeAsync(HangarTestServer server)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.AdminBaseAddress.Host, server.AdminBaseAddress.Port, Cancel);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            // Whatever it presents is what the test looks at.
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
        }, Cancel);
        return new X509Certificate2(tls.RemoteCertificate!);
    }
}
