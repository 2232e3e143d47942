using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Server.Features.Telemetry;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// Reads a session's frames until the socket ends. An idle socket holds no receive buffer: the loop waits with a
/// zero-byte read and rents a buffer of <c>Presence:MaxFrameBytes</c> only while a frame arrives. A device that sends
/// nothing for <c>Presence:IdleTimeoutSeconds</c> is closed.
/// </summary>
internal sealed class ControlSocketPump(
    TimeProvider time, IOptions<PresenceOptions> options, TelemetryFrames telemetry, ControlAnswers answers, ILogger<ControlSocketPump> logger)
{
    public const string IdleReason = "idle";
    public const string TooBigReason = "frame too large";

    public async Task RunAsync(ControlSession session)
    {
        var settings = options.Value;
        var idleTimeout = TimeSpan.FromSeconds(settings.IdleTimeoutSeconds);
        using var idle = time.CreateTimer(_ => session.End(WebSocketCloseStatus.NormalClosure, IdleReason), null, idleTimeout, Timeout.InfiniteTimeSpan);
        var socket = session.Socket;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var waiting = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (waiting.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(settings.MaxFrameBytes);
                try
                {
                    var (type, length) = await ReadMessageAsync(socket, buffer, settings.MaxFrameBytes);
                    if (type == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    idle.Change(idleTimeout, Timeout.InfiniteTimeSpan);
                    if (length < 0)
                    {
                        session.End(WebSocketCloseStatus.MessageTooBig, TooBigReason);
                        break;
                    }

                    await AnswerAsync(session, type, buffer.AsMemory(0, length));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            // The device closed first: answer its close (a server-side close was answered by the device already).
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped connection (or one cut after a close went unanswered) ends the session like a close.
            logger.LogDebug("Control socket of device {DeviceId} dropped: {Reason}", session.DeviceId, exception.Message);
        }
    }

    /// <summary>One whole message into <paramref name="buffer"/>; a length of -1 when it is larger than <paramref name="max"/>.</summary>
    private static async Task<(WebSocketMessageType Type, int Length)> ReadMessageAsync(WebSocket socket, byte[] buffer, int max)
    {
        var length = 0;
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(length, max - length), CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return (received.MessageType, 0);
            }

            length += received.Count;
            if (received.EndOfMessage)
            {
                return (received.MessageType, length);
            }

            if (length == max)
            {
                return (received.MessageType, -1);
            }
        }
    }

    private async Task AnswerAsync(ControlSession session, WebSocketMessageType type, ReadOnlyMemory<byte> message)
    {
        if (type != WebSocketMessageType.Text)
        {
            await session.SendAsync(new ControlFrame(ControlFrameTypes.Error, Code: ErrorCodes.InvalidFrame, Message: "Frames are JSON text."), CancellationToken.None);
            return;
        }

        ControlFrame? frame;
        try
        {
            frame = JsonSerializer.Deserialize(message.Span, HangarDeviceJsonContext.Default.ControlFrame);
        }
        catch (JsonException exception)
        {
            await session.SendAsync(new ControlFrame(ControlFrameTypes.Error, Code: ErrorCodes.InvalidFrame, Message: exception.Message), CancellationToken.None);
            return;
        }

        switch (frame!.Type)
        {
            case ControlFrameTypes.Ping:
                await session.SendAsync(new ControlFrame(ControlFrameTypes.Pong, frame.Id), CancellationToken.None);
                break;
            case ControlFrameTypes.Ack:
                logger.LogInformation("Device {DeviceId} carries out command {CommandId}", session.DeviceId, frame.Id);
                await answers.PublishAsync(session.DeviceId, frame);
                break;
            case ControlFrameTypes.Refused:
                logger.LogInformation("Device {DeviceId} refused command {CommandId}: {Reason}", session.DeviceId, frame.Id, frame.Message);
                await answers.PublishAsync(session.DeviceId, frame);
                break;
            case ControlFrameTypes.Telemetry:
                // Answered before the next frame is read: a device sending faster than the intake takes is slowed down.
                var answer = await telemetry.AnswerAsync(session.OrganizationId, session.DeviceId, frame, message.Length, CancellationToken.None);
                await session.SendAsync(answer, CancellationToken.None);
                break;
            default:
                await session.SendAsync(new ControlFrame(ControlFrameTypes.Error, frame.Id, ErrorCodes.UnknownFrameType, $"Unknown frame type '{frame.Type}'."), CancellationToken.None);
                break;
        }
    }
}
