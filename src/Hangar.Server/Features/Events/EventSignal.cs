namespace Hangar.Server.Features.Events;

/// <summary>
/// An in-process "events were committed" pulse. It only shortens waits: readers always re-read the table, so events
/// committed on another node are found by polling, just later.
/// </summary>
internal sealed class EventSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>. Take it before reading, so no pulse falls between.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
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
