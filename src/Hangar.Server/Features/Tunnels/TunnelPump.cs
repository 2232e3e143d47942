using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// Pumps one relayed TCP connection: binary messages from the user's socket to the agent's and back, each direction
/// through one buffer of <c>Tunnels:BufferBytes</c>, a whole message (up to the buffer) at a time. A message is written on before the next is read, so a slow
/// reader slows its writer (WebSocket and TCP flow control carry that back) and the server holds at most two
/// buffers per connection. A close from one side closes the other's output (TCP half-close crosses); the
/// connection ends when both are closed, when nothing moved for <c>Tunnels:IdleTimeoutSeconds</c>, or on
/// <c>stop</c> (the tunnel closed), which aborts both sockets.
/// </summary>
internal sealed class TunnelPump(TimeProvider time, IOptions<TunnelsOptions> options, ILogger<TunnelPump> logger)
{
    public async Task<(long ToDevice, long FromDevice)> RunAsync(WebSocket user, WebSocket device, CancellationToken stop)
    {
        var settings = options.Value;
        var idleTimeout = TimeSpan.FromSeconds(settings.IdleTimeoutSeconds);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var idle = time.CreateTimer(_ => ending.Cancel(), null, idleTimeout, Timeout.InfiniteTimeSpan);
        var toDevice = new Counter();
        var fromDevice = new Counter();
        void Moved() => idle.Change(idleTimeout, Timeout.InfiniteTimeSpan);
        var up = CopyAsync(user, device, settings.BufferBytes, toDevice, Moved, ending);
        var down = CopyAsync(device, user, settings.BufferBytes, fromDevice, Moved, ending);
        await Task.WhenAll(up, down);
        if (user.State != WebSocketState.Closed || device.State != WebSocketState.Closed)
        {
            user.Abort();
            device.Abort();
        }

        return (toDevice.Bytes, fromDevice.Bytes);
    }

    private async Task CopyAsync(WebSocket from, WebSocket to, int size, Counter counter, Action moved, CancellationTokenSource ending)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            while (true)
            {
                var (filled, endOfMessage, closed) = await ReceiveMessageAsync(from, buffer.AsMemory(0, size), ending.Token);
                if (filled > 0)
                {
                    counter.Bytes += filled;
                    moved();
                    await to.SendAsync(buffer.AsMemory(0, filled), WebSocketMessageType.Binary, endOfMessage, ending.Token);
                }

                if (closed)
                {
                    if (to.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await to.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ending.Token);
                    }

                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // One side dropped, idled out or the tunnel closed: the other direction cannot go on either.
            logger.LogDebug("Relayed connection ended: {Reason}", exception.Message);
            await ending.CancelAsync();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads until the sender's message ends or the buffer is full, so a message that arrives in pieces (one per TLS
    /// record, 16 KiB) is sent on as one frame, in one write, instead of one frame and write per piece.
    /// </summary>
    private static async Task<(int Filled, bool EndOfMessage, bool Closed)> ReceiveMessageAsync(WebSocket from, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            var received = await from.ReceiveAsync(buffer[filled..], cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return (filled, true, true);
            }

            filled += received.Count;
            if (received.EndOfMessage || filled == buffer.Length)
            {
                return (filled, received.EndOfMessage, false);
            }
        }
    }

    private sealed class Counter
    {
        public long Bytes;
    }
}
