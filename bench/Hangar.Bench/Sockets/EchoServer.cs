using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Bench.Sockets;

/// <summary>
/// The baseline for idle sockets: a WebSocket echo server on bare Kestrel with the device listener's TLS settings
/// (client certificate required, no OS chain build) and the control socket's keep-alive, run as its own process
/// (<c>Hangar.Bench echo-server PFX</c>) so its memory is measured like the server's. It greets each socket with
/// one frame, as the server's hello, and waits with zero-byte reads, as the server does: the floor for an idle socket.
/// </summary>
internal static class EchoServer
{
    public const string ListeningLine = "echo-server: listening on port ";

    public static async Task<int> RunAsync(string pfxPath)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = certificate;
            https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.AllowAnyClientCertificate();
            https.OnAuthenticate = (_, ssl) => ssl.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            };
        })));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30), KeepAliveTimeout = TimeSpan.FromSeconds(30) });
        app.Run(EchoAsync);
        await app.StartAsync();
        Console.WriteLine(ListeningLine + new Uri(app.Urls.First()).Port);
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                var buffer = ArrayPool<byte>.Shared.Rent(16384);
                try
                {
                    var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (WebSocketException)
        {
            // The device went away.
        }
    }
}
