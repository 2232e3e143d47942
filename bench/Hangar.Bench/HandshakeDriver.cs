using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Hangar.Bench;

/// <summary>
/// The load driver for mutual-TLS handshakes, the same code for every server: each request is a new TCP connection
/// and a full TLS handshake with the next device certificate, one HTTP/1.1 GET with <c>Connection: close</c>, and the
/// answer read to its end. The server certificate is pinned by its bytes, so validation costs the client the same
/// for every server.
/// </summary>
internal sealed class HandshakeDriver(IPEndPoint endpoint, string path, IReadOnlyList<SslStreamCertificateContext> devices, byte[] pinnedServerCertificate)
{
    private readonly byte[] _request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    public async Task<HandshakeResult> RunAsync(int concurrency, TimeSpan duration)
    {
        long completed = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var next = worker;
            while (clock.Elapsed < duration)
            {
                if (await RequestAsync(devices[next++ % devices.Count]))
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return new HandshakeResult(completed, failed, clock.Elapsed);
    }

    /// <summary>True on a 2xx answer (nginx and bare Kestrel answer 200, /device/v1/ping 204).</summary>
    private async Task<bool> RequestAsync(SslStreamCertificateContext device)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint);
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificateContext = device,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                // Never resume a session: every connection is a full handshake, whatever the server allows.
                AllowTlsResume = false,
                // The pin decides; an empty custom trust keeps SslStream's own chain build off the OS store, so the
                // driver spends as little CPU as it can on the cores it shares with the servers.
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    RevocationMode = X509RevocationMode.NoCheck,
                    DisableCertificateDownloads = true,
                },
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinnedServerCertificate),
            });
            await tls.WriteAsync(_request);
            var buffer = new byte[16384];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await tls.ReadAsync(buffer.AsMemory(length))) > 0)
            {
                length += read;
            }

            return length >= 12 && Encoding.ASCII.GetString(buffer, 0, 10) == "HTTP/1.1 2";
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            return false;
        }
    }
}
