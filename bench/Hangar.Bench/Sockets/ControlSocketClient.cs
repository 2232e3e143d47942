using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Hangar.Bench.Sockets;

/// <summary>
/// One device's idle WebSocket over mutual TLS, opened by hand (TCP, TLS with the device certificate, the HTTP/1.1
/// upgrade) so that a client costs little and a refusal's Retry-After is read. Once open it only answers what the
/// server sends (pings are answered by the WebSocket itself while a receive is pending) and holds no buffer while idle.
/// Closing it aborts the TCP connection (RST): a dropped network, and no TIME_WAIT left on the driver's ports.
/// </summary>
internal sealed class ControlSocketClient : IDisposable
{
    private readonly Socket _socket;
    private readonly WebSocket _webSocket;

    private ControlSocketClient(Socket socket, WebSocket webSocket)
    {
        _socket = socket;
        _webSocket = webSocket;
        _ = ReceiveAsync();
    }

    /// <summary>False once the server closed the socket or the connection broke.</summary>
    public bool Open => _webSocket.State == WebSocketState.Open;

    /// <summary>An open socket, or the refusal's Retry-After in seconds (0 when the failure gave none).</summary>
    public static async Task<(ControlSocketClient? Client, int RetryAfter, string? Error)> ConnectAsync(
        IPEndPoint server, IPAddress local, SslStreamCertificateContext device, string path)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, LingerState = new LingerOption(true, 0) };
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(server, timeout.Token);
            var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificateContext = device,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    RevocationMode = X509RevocationMode.NoCheck,
                    DisableCertificateDownloads = true,
                },
                // The bench measures servers, not the driver's trust decisions.
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
            }, timeout.Token);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            await tls.WriteAsync(Encoding.ASCII.GetBytes(
                $"GET {path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"), timeout.Token);
            var head = await ReadHeadAsync(tls, timeout.Token);
            if (head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            {
                var webSocket = WebSocket.CreateFromStream(tls, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
                return (new ControlSocketClient(socket, webSocket), 0, null);
            }

            socket.Dispose();
            var retryAfter = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Retry-After:", StringComparison.OrdinalIgnoreCase));
            return (null, retryAfter is null ? 0 : int.Parse(retryAfter["Retry-After:".Length..].Trim(), CultureInfo.InvariantCulture),
                head.Split("\r\n")[0]);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException)
        {
            socket.Dispose();
            return (null, 0, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>The answer's status line and headers, read byte by byte so that no frame after them is consumed.</summary>
    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 8192)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (_webSocket.State == WebSocketState.Open)
            {
                // Zero-byte read: no buffer while idle, as the server does.
                await _webSocket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                var buffer = ArrayPool<byte>.Shared.Rent(16384);
                try
                {
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await _webSocket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // The connection ended; Open says so.
        }
    }

    public void Dispose()
    {
        _webSocket.Abort();
        _socket.Dispose();
    }
}
