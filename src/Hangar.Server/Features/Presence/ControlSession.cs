using System.Net.WebSockets;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Control;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// One device's open control socket on this node. Frames are written by the socket's own loop (answers) and by
/// pushes from API requests, one at a time; a session holds nothing of the request that opened it but its socket.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The semaphore holds no wait handle, and a close may still hold it after the session ended.")]
internal sealed class ControlSession(WebSocket socket, Guid deviceId, Guid organizationId, string identifier, DateTime connectedAt, string? remoteAddress, TimeProvider time)
{
    /// <summary>How long a peer has to answer the server's close before its connection is cut.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    // Never disposed: a close may still be under way when the session ends, and it holds no wait handle.
    private readonly SemaphoreSlim _sending = new(1, 1);
    private string? _closeReason;
    private Task _closing = Task.CompletedTask;

    public Guid DeviceId => deviceId;
    public Guid OrganizationId => organizationId;
    public string Identifier => identifier;
    public DateTime ConnectedAt => connectedAt;
    public string? RemoteAddress => remoteAddress;
    public WebSocket Socket => socket;

    /// <summary>Why the server ended the session, if it did.</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>True when the frame went out on the socket; false when the socket is closed or closing.</summary>
    public async Task<bool> SendAsync(ControlFrame frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, HangarDeviceJsonContext.Default.ControlFrame);
        if (!await EnterAsync(cancellationToken))
        {
            return false;
        }

        try
        {
            if (socket.State != WebSocketState.Open || CloseReason is not null)
            {
                return false;
            }

            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Starts the server's close with <paramref name="reason"/> as its description. The receive loop ends when the
    /// device answers the close; a device that does not answer within a few seconds is cut off. (Cancelling the
    /// pending receive instead would abort the socket without a close frame.)
    /// </summary>
    public void End(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is null)
        {
            var closing = SendCloseAsync(status, reason);
            Volatile.Write(ref _closing, closing);
            _ = CutOffAsync(closing);
        }
    }

    /// <summary>Completes once the close the server started (if any) is on the wire; the socket must not be disposed before.</summary>
    public Task ClosingAsync() => Volatile.Read(ref _closing);

    private async Task SendCloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (!await EnterAsync(CancellationToken.None))
        {
            return;
        }

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            // The peer is already gone.
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task CutOffAsync(Task closing)
    {
        await closing;
        await Task.Delay(CloseGrace, time);
        socket.Abort();
    }

    private async Task<bool> EnterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _sending.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
