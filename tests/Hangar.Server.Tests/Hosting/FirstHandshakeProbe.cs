using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// A client that handshakes at the first instant a listener can be reached: it starts with the server's other hosted
/// services and watches Kestrel's addresses, which name the real port (the test binds port 0) as soon as the socket
/// is bound — before the host reports itself started.
/// </summary>
internal sealed class FirstHandshakeProbe(IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task<X509Certificate2> Served { get; private set; } = null!;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Served = Task.Run(HandshakeAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<X509Certificate2> HandshakeAsync()
    {
        var address = await BoundAddressAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, lifetime.ApplicationStopping);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
        }, lifetime.ApplicationStopping);
        return new X509Certificate2(tls.RemoteCertificate!);
    }

    private async Task<Uri> BoundAddressAsync()
    {
        while (true)
        {
            lifetime.ApplicationStopping.ThrowIfCancellationRequested();
            if (Addresses().Select(a => new Uri(a)).FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttps && a.Port != 0) is { } bound)
            {
                return bound;
            }

            await Task.Yield();
        }
    }

    private string[] Addresses()
    {
        try
        {
            return server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        }
        catch (Exception torn) when (torn is ArgumentException or InvalidOperationException)
        {
            // Kestrel fills the collection (not thread-safe) while it binds: a copy taken mid-way is torn; look again.
            return [];
        }
    }
}
