using System.Net.WebSockets;
using System.Text.Json;
using Hangar.Agent.Configuration;
using Hangar.Agent.Telemetry;
using Hangar.Agent.Tunnels;
using Hangar.Agent.Updates;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Control;

/// <summary>
/// One open control socket: reads the server's frames and acts on them (<c>check_now</c> wakes the update loop,
/// <c>reboot</c> goes to <see cref="RemoteReboot"/>, <c>tunnel_*</c> to <see cref="TunnelAgent"/>), answering each command with
/// <c>ack</c> or <c>refused</c>, and sends a <c>ping</c> frame every <c>control_socket.ping_seconds</c>. While it is
/// open, telemetry batches go over it (<see cref="ControlSocketTelemetry"/>).
/// </summary>
public sealed class ControlChannel(AgentConfig config, UpdateTrigger updates, RemoteReboot reboot, ControlSocketTelemetry telemetry, TunnelAgent tunnels, TimeProvider time,
    ILogger<ControlChannel> logger)
{
    private const int MaxFrameBytes = 64 * 1024;

    public async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var sending = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pings = PingAsync(socket, sending, stop.Token);
        telemetry.Attach((frame, token) => SendAsync(socket, sending, frame, token));
        try
        {
            var buffer = new byte[MaxFrameBytes];
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    length += received.Count;
                }
                while (!received.EndOfMessage && length < buffer.Length && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                    break;
                }

                if (received.EndOfMessage && Parse(buffer.AsSpan(0, length)) is { } frame)
                {
                    await ActAsync(socket, sending, frame, cancellationToken);
                }
            }
        }
        finally
        {
            telemetry.Detach();
            await stop.CancelAsync();
            await pings;
        }
    }

    private ControlFrame? Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            return JsonSerializer.Deserialize(message, HangarDeviceJsonContext.Tolerant.ControlFrame);
        }
        catch (JsonException exception)
        {
            logger.LogWarning("Unreadable control frame: {Reason}", exception.Message);
            return null;
        }
    }

    private async Task ActAsync(WebSocket socket, SemaphoreSlim sending, ControlFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Type)
        {
            case ControlFrameTypes.Hello:
                logger.LogInformation("Control socket held by server node {Node}", frame.Message);
                break;
            case ControlFrameTypes.CheckNow:
                logger.LogInformation("Server asks for an update check now ({CommandId})", frame.Id);
                updates.CheckNow();
                await SendAsync(socket, sending, new ControlFrame(ControlFrameTypes.Ack, frame.Id), cancellationToken);
                break;
            case ControlFrameTypes.Reboot when reboot.Refusal() is { } refusal:
                logger.LogWarning("Refusing the server's reboot ({CommandId}): {Reason}", frame.Id, refusal);
                await SendAsync(socket, sending, new ControlFrame(ControlFrameTypes.Refused, frame.Id, Message: refusal), cancellationToken);
                break;
            case ControlFrameTypes.Reboot:
                await SendAsync(socket, sending, new ControlFrame(ControlFrameTypes.Ack, frame.Id), cancellationToken);
                await reboot.RebootAsync(cancellationToken);
                break;
            case ControlFrameTypes.TunnelOpen:
                await SendAsync(socket, sending, tunnels.Open(frame), cancellationToken);
                break;
            case ControlFrameTypes.TunnelConnect:
                tunnels.Connect(frame, answer => SendAsync(socket, sending, answer, cancellationToken), cancellationToken);
                break;
            case ControlFrameTypes.TunnelClose:
                tunnels.Close(frame);
                break;
            case ControlFrameTypes.Pong:
                break;
            case ControlFrameTypes.TelemetryAccepted or ControlFrameTypes.TelemetryRefused:
                telemetry.Answer(frame);
                break;
            case ControlFrameTypes.Error when telemetry.Answer(frame):
                break;
            case ControlFrameTypes.Error:
                logger.LogWarning("Server refused a control frame: {Code} {Message}", frame.Code, frame.Message);
                break;
            default:
                await SendAsync(socket, sending, new ControlFrame(ControlFrameTypes.Error, frame.Id, "unknown_frame_type", $"Unknown frame type '{frame.Type}'."), cancellationToken);
                break;
        }
    }

    private async Task PingAsync(WebSocket socket, SemaphoreSlim sending, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.ControlSocket.PingSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken) && socket.State == WebSocketState.Open)
            {
                await SendAsync(socket, sending, new ControlFrame(ControlFrameTypes.Ping), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException)
        {
            // The socket ended; the receive loop reports why.
        }
    }

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim sending, ControlFrame frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, HangarDeviceJsonContext.Default.ControlFrame);
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }
}
