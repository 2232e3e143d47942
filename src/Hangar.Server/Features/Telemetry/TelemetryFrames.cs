using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Telemetry;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// A <c>telemetry</c> frame of the control socket: the batch goes through the same <see cref="TelemetryIntake"/> as
/// <c>POST /device/v1/telemetry</c> (size, limits, the device's budget, the queue) and is answered with
/// <c>telemetry_accepted</c> or with <c>telemetry_refused</c> carrying what the HTTP route would have answered.
/// </summary>
internal sealed class TelemetryFrames(TelemetryIntake intake, IOptions<TelemetryOptions> options)
{
    public async Task<ControlFrame> AnswerAsync(Guid organizationId, Guid deviceId, ControlFrame frame, int frameBytes, CancellationToken cancellationToken)
    {
        // The frame's size stands for the body's: a batch too big for POST is too big here as well.
        var limit = options.Value.MaxBodyBytes;
        if (frameBytes > limit)
        {
            return Refused(frame.Id, new TelemetryRefusal(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
                $"A telemetry batch is at most {limit} bytes: send smaller batches more often."));
        }

        if (intake.ShedWhenFull() is { } shed)
        {
            return Refused(frame.Id, shed);
        }

        var batch = Read(frame.Data, out var fault);
        if (batch is null)
        {
            return Refused(frame.Id, new TelemetryRefusal(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed,
                "The frame's data must be a telemetry batch object.", new Dictionary<string, string[]> { ["data"] = [fault] }));
        }

        var (accepted, refusal) = await intake.AcceptAsync(organizationId, deviceId, batch, cancellationToken);
        return refusal is null
            ? new ControlFrame(ControlFrameTypes.TelemetryAccepted, frame.Id,
                Data: JsonSerializer.SerializeToElement(accepted!, HangarDeviceJsonContext.Default.TelemetryBatchResponse))
            : Refused(frame.Id, refusal);
    }

    private static TelemetryBatchRequest? Read(JsonElement? data, out string fault)
    {
        fault = "must be a telemetry batch object.";
        if (data is not { ValueKind: JsonValueKind.Object } body)
        {
            return null;
        }

        try
        {
            // The strict dialect of the HTTP route: unknown fields, strings for numbers and local times are refused.
            return body.Deserialize(HangarDeviceJsonContext.Default.TelemetryBatchRequest);
        }
        catch (JsonException exception)
        {
            fault = exception.Message;
            return null;
        }
    }

    private static ControlFrame Refused(Guid? id, TelemetryRefusal refusal)
    {
        int? retryAfter = refusal.RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;
        var data = new TelemetryRefusalResponse(refusal.Status, refusal.Errors, retryAfter);
        return new ControlFrame(ControlFrameTypes.TelemetryRefused, id, refusal.Code, refusal.Detail,
            JsonSerializer.SerializeToElement(data, HangarDeviceJsonContext.Default.TelemetryRefusalResponse));
    }
}
