using System.Net.WebSockets;

namespace Hangar.Cli.Tunnels;

/// <summary>
/// Pumps a tunnel WebSocket against a local byte stream pair (a TCP connection, or stdin/stdout for ssh's
/// ProxyCommand): one buffer per direction, each write completed before the next read. End of input closes the
/// socket's output; the socket's close ends the output stream (a TCP half-close, or a flush for stdout).
/// </summary>
internal static class StreamRelay
{
    private const int BufferBytes = 64 * 1024;

    public static async Task RunAsync(WebSocket socket, Stream input, Stream output, Action endOutput, CancellationToken cancellationToken)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var up = UpAsync(input, socket, ending);
        var down = DownAsync(socket, output, endOutput, ending);
        // The connection is over when the remote side is done; local input may never end (an idle ssh).
        await down;
        await ending.CancelAsync();
        try
        {
            await up;
        }
        catch (OperationCanceledException)
        {
            // Input still open when the remote side finished.
        }

        if (socket.State != WebSocketState.Closed)
        {
            socket.Abort();
        }
    }

    private static async Task UpAsync(Stream input, WebSocket socket, CancellationTokenSource ending)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            int read;
            while ((read = await input.ReadAsync(buffer, ending.Token)) > 0)
            {
                await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, endOfMessage: true, ending.Token);
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ending.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException)
        {
            await ending.CancelAsync();
        }
    }

    private static async Task DownAsync(WebSocket socket, Stream output, Action endOutput, CancellationTokenSource ending)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), ending.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                await output.WriteAsync(buffer.AsMemory(0, received.Count), ending.Token);
                await output.FlushAsync(ending.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
            // Dropped: the tunnel closed or the server went away.
        }

        endOutput();
    }
}
