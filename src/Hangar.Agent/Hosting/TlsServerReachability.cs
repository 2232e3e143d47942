using System.Net.Security;
using System.Net.Sockets;
using Hangar.Agent.TrialBoot;

namespace Hangar.Agent.Hosting;

/// <summary>
/// Reachable means a TCP connection and a mutual TLS handshake with the server succeed within the timeout: the
/// network, DNS, the clock (certificate validity) and the device identity all work. It needs no API route.
/// </summary>
public sealed class TlsServerReachability(DeviceTls tls, TimeSpan timeout, TimeProvider time) : IServerReachability
{
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var url = tls.ServerUrl;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(url.IdnHost, url.Port, linked.Token);
            await using var ssl = new SslStream(client.GetStream());
            await ssl.AuthenticateAsClientAsync(tls.ClientOptions(url.IdnHost), linked.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no TLS handshake with {url.Authority} within {timeout.TotalSeconds:0} s";
        }
        catch (Exception exception) when (exception is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return $"{url.Authority}: {exception.Message}";
        }
    }
}
