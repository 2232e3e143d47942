using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Hangar.Agent.Configuration;

namespace Hangar.Agent.Hosting;

/// <summary>
/// Mutual TLS to the server: the device certificate is presented, and the server's certificate must chain to the
/// pinned CA alone (the system trust store is not consulted for the server's host).
/// </summary>
public sealed class DeviceTls(ServerConfig server, DeviceConfig device)
{
    private readonly Lazy<X509Certificate2Collection> _pinned = new(() => LoadPinned(server.CaCertificate!));
    private readonly Lazy<X509Certificate2> _client = new(() => LoadClient(device.Certificate!, device.PrivateKey!));

    public Uri ServerUrl { get; } = new(server.Url!);

    public SslClientAuthenticationOptions ClientOptions(string host) => new()
    {
        TargetHost = host,
        ClientCertificates = [_client.Value],
        RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(host, certificate, errors),
    };

    public SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        SslOptions = ClientOptions(ServerUrl.IdnHost),
    };

    private bool Validate(string host, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        if (!string.Equals(host, ServerUrl.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            // Other hosts (a download CDN) are checked against the system store as usual.
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_pinned.Value);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static X509Certificate2Collection LoadPinned(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        return collection.Count > 0 ? collection : throw new InvalidOperationException($"server.ca_certificate: no certificate in {path}");
    }

    private static X509Certificate2 LoadClient(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        // An ephemeral PEM key cannot be used by OpenSSL for client authentication on every platform; a PKCS#12 round trip fixes that.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
