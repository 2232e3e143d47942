using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Telemetry;

/// <summary>
/// Telemetry over the control socket while one is open: a <c>telemetry</c> frame per batch, and the server's
/// <c>telemetry_accepted</c> or <c>telemetry_refused</c> answer matched to it by id. The open channel attaches its
/// sender; without one (or for a batch too large for a frame, or a server that does not take telemetry frames) the
/// batch goes over HTTP instead.
/// </summary>
public sealed class ControlSocketTelemetry(TimeProvider time)
{
    /// <summary>The server's default <c>Presence:MaxFrameBytes</c>: a larger frame would close the socket.</summary>
    internal const int MaxFrameBytes = 16 * 1024;

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ControlFrame?>> _waiting = new();
    private Func<ControlFrame, CancellationToken, Task>? _send;

    public void Attach(Func<ControlFrame, CancellationToken, Task> send) => Volatile.Write(ref _send, send);

    /// <summary>The socket ended: batches awaiting an answer are sent again over HTTP.</summary>
    public void Detach()
    {
        Volatile.Write(ref _send, null);
        foreach (var waiting in _waiting.Values)
        {
            waiting.TrySetResult(null);
        }
    }

    /// <summary>True when <paramref name="frame"/> answered a batch sent here (an <c>error</c> frame included).</summary>
    public bool Answer(ControlFrame frame) =>
        frame.Id is { } id && _waiting.TryGetValue(id, out var waiting) && waiting.TrySetResult(frame);

    /// <summary>The server's answer, or null when the batch should go over HTTP instead.</summary>
    internal async Task<TelemetryDelivery?> TrySendAsync(TelemetryBatchRequest batch, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _send) is not { } send)
        {
            return null;
        }

        var id = Guid.CreateVersion7(time.GetUtcNow());
        var frame = new ControlFrame(ControlFrameTypes.Telemetry, id, Data: JsonSerializer.SerializeToElement(batch, HangarDeviceJsonContext.Default.TelemetryBatchRequest));
        if (JsonSerializer.SerializeToUtf8Bytes(frame, HangarDeviceJsonContext.Default.ControlFrame).Length > MaxFrameBytes)
        {
            return null;
        }

        var answer = new TaskCompletionSource<ControlFrame?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = answer;
        try
        {
            await send(frame, cancellationToken);
            return Read(await answer.Task.WaitAsync(AnswerTimeout, time, cancellationToken));
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            return null;
        }
        catch (TimeoutException)
        {
            return new TelemetryDelivery(TelemetryDeliveryKind.RetryLater, $"no answer on the control socket within {AnswerTimeout.TotalSeconds} s");
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    private static TelemetryDelivery? Read(ControlFrame? answer)
    {
        switch (answer?.Type)
        {
            case ControlFrameTypes.TelemetryAccepted:
                return new TelemetryDelivery(TelemetryDeliveryKind.Delivered, "accepted on the control socket");
            case ControlFrameTypes.TelemetryRefused:
                var refusal = answer.Data is { ValueKind: JsonValueKind.Object } data
                    ? data.Deserialize(HangarDeviceJsonContext.Tolerant.TelemetryRefusalResponse) : null;
                var status = refusal?.Status ?? 400;
                var description = $"{status} {answer.Code} {answer.Message}".TrimEnd();
                return status is 429 or 503 || status >= 500
                    ? new TelemetryDelivery(TelemetryDeliveryKind.RetryLater, description,
                        refusal?.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null)
                    : new TelemetryDelivery(TelemetryDeliveryKind.Refused, description);
            default:
                // The socket ended, or a server that does not take telemetry frames answered with an error.
                return null;
        }
    }
}
