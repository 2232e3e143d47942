using Hangar.Contracts.Control;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// Hands the devices' answers (<c>ack</c>, <c>refused</c>) to the features that sent the commands, on the node that
/// holds the socket. A feature that pushes commands of its own (tunnels) subscribes here instead of Presence knowing it.
/// </summary>
internal sealed class ControlAnswers
{
    private readonly List<Func<Guid, ControlFrame, Task>> _handlers = [];

    public void Subscribe(Func<Guid, ControlFrame, Task> handler)
    {
        lock (_handlers)
        {
            _handlers.Add(handler);
        }
    }

    public async Task PublishAsync(Guid deviceId, ControlFrame answer)
    {
        Func<Guid, ControlFrame, Task>[] handlers;
        lock (_handlers)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            await handler(deviceId, answer);
        }
    }
}
