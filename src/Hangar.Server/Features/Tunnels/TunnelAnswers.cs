using Hangar.Contracts.Control;
using Hangar.Server.Features.Presence;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// The agent's answers to tunnel frames, on the node holding its socket: <c>ack</c> of a <c>tunnel_open</c> opens the
/// tunnel, <c>refused</c> closes it with the agent's reason, and <c>refused</c> of a <c>tunnel_connect</c> answers the
/// waiting user at once. Answers to other commands match no tunnel and cost one indexed read.
/// </summary>
internal sealed class TunnelAnswers(ControlAnswers answers, TunnelLifecycle lifecycle, TunnelRelay relay, ILogger<TunnelAnswers> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        answers.Subscribe(OnAnswerAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnAnswerAsync(Guid deviceId, ControlFrame answer)
    {
        if (answer.Id is not { } id)
        {
            return;
        }

        try
        {
            if (answer.Type == ControlFrameTypes.Ack)
            {
                await lifecycle.OpenAsync(deviceId, id);
                return;
            }

            relay.Refuse(id, answer.Message);
            await lifecycle.CloseAsync(id, deviceId, TunnelCloseReasons.FromRefusal(answer.Code), answer.Message, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Could not record device {DeviceId}'s answer to {Id}: {Reason}", deviceId, id, exception.Message);
        }
    }
}
