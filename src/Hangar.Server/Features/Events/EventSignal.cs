using Hangar.Server.Hosting.Cluster;

namespace Hangar.Server.Features.Events;

/// <summary>
/// An "events were committed" pulse. It only shortens waits: readers always re-read the table. The one the container
/// makes is also pulsed by other nodes' commits (through the <see cref="IClusterSignal"/>), so a live stream on one
/// node sends an event committed on another without waiting for its next poll; one made with <c>new()</c> is local.
/// </summary>
internal sealed class EventSignal
{
    private const string Topic = "events";
    private readonly IClusterSignal? _cluster;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventSignal()
    {
    }

    public EventSignal(IClusterSignal cluster)
    {
        _cluster = cluster;
        // A key would add nothing: a reader re-reads whatever was committed. A full invalidation is a pulse too.
        cluster.Subscribe(Topic, _ => Pulse());
    }

    /// <summary>Completes at the next <see cref="Notify"/>. Take it before reading, so no pulse falls between.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes this node's waiters at once and the other nodes' soon after (sends are batched; never throws).</summary>
    public void Notify()
    {
        if (_cluster is null)
        {
            Pulse();
        }
        else
        {
            _ = _cluster.PublishAsync(Topic, "", CancellationToken.None);
        }
    }

    private void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for <paramref name="next"/> or <paramref name="timeout"/>, whichever comes first; true when signalled.</summary>
    public static async Task<bool> WaitAsync(Task next, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timeoutSource.Token);
        var first = await Task.WhenAny(next, delay);
        await timeoutSource.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == next;
    }
}
