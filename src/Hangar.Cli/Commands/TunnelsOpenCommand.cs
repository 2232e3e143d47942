using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Hangar.Cli.Output;
using Hangar.Cli.Tunnels;
using Hangar.Contracts.Tunnels;

namespace Hangar.Cli.Commands;

internal sealed class TunnelsOpenCommand : Command
{
    private static readonly TimeSpan StatePoll = TimeSpan.FromSeconds(2);

    private readonly Argument<string> _device = IdArgument.Create("device");
    private readonly Option<int> _port = new("--port") { Description = "The TCP port on the device (its agent must allow it).", Required = true, HelpName = "port" };
    private readonly Option<int> _localPort = new("--local-port") { Description = "The local port to listen on, on 127.0.0.1 (default: a free one, printed).", HelpName = "port" };
    private readonly Option<int?> _ttl = TtlOption.Create("How long the tunnel lives (90s, 30m, 2h; default: the server's, 1h).");
    private readonly Option<string[]> _cidr = new("--cidr") { Description = "A CIDR block the tunnel may be used from (repeatable; default: any address).", HelpName = "block" };

    public TunnelsOpenCommand(CliContext cli)
        : base("open", "Open a tunnel to a device port, wait until the agent accepts it, and forward every connection to a local port until the tunnel closes or Ctrl+C (which closes it).")
    {
        Add(_device);
        Add(_port);
        Add(_localPort);
        Add(_ttl);
        Add(_cidr);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateTunnelRequest(parseResult.GetRequiredValue(_device), parseResult.GetValue(_port), parseResult.GetValue(_ttl), parseResult.GetValue(_cidr));
            var created = await session.Client.Tunnels.CreateAsync(request, ct);
            var tunnel = await TunnelWait.UntilOpenAsync(session.Client, created.Tunnel, ct);
            using var listener = new TcpListener(IPAddress.Loopback, parseResult.GetValue(_localPort));
            listener.Start();
            var local = (IPEndPoint)listener.LocalEndpoint;
            session.Output.Item(tunnel, Views.Tunnel);
            session.Output.Note($"Forwarding 127.0.0.1:{local.Port} to port {tunnel.DevicePort} of the device until {tunnel.ExpiresAt:u}; Ctrl+C closes the tunnel.");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var accepting = AcceptAsync(listener, session.Connection.Url, tunnel.Id, created.Token, session.Output.Stderr, stop.Token);
            var closed = await WatchAsync(session.Client, tunnel.Id, stop.Token);
            await stop.CancelAsync();
            listener.Stop();
            await accepting;
            if (closed is null)
            {
                await session.Client.Tunnels.CloseAsync(tunnel.Id.ToString(), CancellationToken.None);
                session.Output.Note("Tunnel closed.");
                return ExitCodes.Success;
            }

            session.Output.Note($"The tunnel closed: {closed.CloseReason}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }

    /// <summary>The tunnel once the server closed it, or null when this command was stopped first.</summary>
    private static async Task<TunnelResponse?> WatchAsync(Client.HangarClient client, Guid tunnelId, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(StatePoll, cancellationToken);
                var tunnel = await client.Tunnels.GetAsync(tunnelId.ToString(), cancellationToken);
                if (tunnel.State == "closed")
                {
                    return tunnel;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task AcceptAsync(TcpListener listener, Uri server, Guid tunnelId, string token, TextWriter stderr, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                connections.Add(ForwardAsync(client, server, tunnelId, token, stderr, cancellationToken));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The tunnel closed or the command was stopped.
        }

        await Task.WhenAll(connections);
    }

    private static async Task ForwardAsync(TcpClient client, Uri server, Guid tunnelId, string token, TextWriter stderr, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                client.NoDelay = true;
                using var socket = await TunnelSocket.ConnectAsync(server, tunnelId, null, token, cancellationToken);
                var stream = client.GetStream();
                await StreamRelay.RunAsync(socket, stream, stream, () => client.Client.Shutdown(SocketShutdown.Send), cancellationToken);
            }
            catch (Exception exception) when (exception is CommandException or IOException or SocketException or OperationCanceledException
                or System.Net.WebSockets.WebSocketException)
            {
                await stderr.WriteLineAsync($"connection through tunnel {tunnelId} failed: {exception.Message}");
            }
        }
    }
}
