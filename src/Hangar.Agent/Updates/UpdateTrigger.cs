namespace Hangar.Agent.Updates;

/// <summary>
/// Lets the control socket wake the update loop for a check now (the loop's own check, not a second one), and
/// tells the socket whether a check or install is running.
/// </summary>
public sealed class UpdateTrigger
{
    private TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    /// <summary>True while the update loop checks, downloads or installs.</summary>
    public bool InProgress => Volatile.Read(ref _running) == 1;

    public void CheckNow() => Volatile.Read(ref _asked).TrySetResult();

    internal void Running(bool running) => Volatile.Write(ref _running, running ? 1 : 0);

    /// <summary>Waits <paramref name="delay"/>, or less when a check is asked for meanwhile (or was, since the last wait).</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var asked = Volatile.Read(ref _asked);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delayed = Task.Delay(delay, time, waiting.Token);
        await Task.WhenAny(delayed, asked.Task);
        await waiting.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (asked.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _asked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), asked);
        }
    }
}
