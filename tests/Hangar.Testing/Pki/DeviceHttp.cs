using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Testing.Pki;

/// <summary>
/// An HttpClient for the device listener, the way an agent builds one: it presents the given client certificate
/// (if any) and trusts only the server CA from the server's data directory, the file agents pin.
/// </summary>
public static class DeviceHttp
{
    /// <summary>With <paramref name="localAddress"/> (another loopback address, e.g. 127.0.0.2), connections come from there: a second device location.</summary>
    public static HttpClient Create(HangarTestServer server, X509Certificate2? clientCertificate, IPAddress? localAddress = null)
    {
        var serverCa = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(server.DataDirectory, "tls", "server-ca.crt"));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // Offline: building the certificate's own chain must not download anything (a test may name an issuer URL).
                ClientCertificateContext = clientCertificate is null ? null : SslStreamCertificateContext.Create(TestPki.ForTls(clientCertificate), null, offline: true),
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is null)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(serverCa);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
                },
            },
        };
        if (localAddress is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler, disposeHandler: true) { BaseAddress = server.DeviceBaseAddress };
    }
}
