using Hangar.Agent.State;

namespace Hangar.Agent.Updates;

/// <summary>
/// While an update downloads, tells the server how far it got (whole percent over all its binaries) at a steady
/// pace, and cancels the download when the server answers that the rollout stopped.
/// </summary>
internal sealed class ProgressHeartbeat : IAsyncDisposable
{
    private readonly StatusReporter _reporter;
    private readonly UpdateSource _update;
    private readonly long _totalBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _finishedBytes;
    private long _currentBytes;

    public ProgressHeartbeat(StatusReporter reporter, UpdateSource update, long totalBytes, TimeSpan interval, TimeProvider time, CancellationTokenSource abort)
    {
        _reporter = reporter;
        _update = update;
        _totalBytes = Math.Max(totalBytes, 1);
        _loop = RunAsync(interval, time, abort);
    }

    /// <summary>Bytes of the binary being downloaded now; called for every block, so it only stores a number.</summary>
    public void Current(long bytes) => Volatile.Write(ref _currentBytes, bytes);

    public void Finished(long size)
    {
        Interlocked.Add(ref _finishedBytes, size);
        Volatile.Write(ref _currentBytes, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, TimeProvider time, CancellationTokenSource abort)
    {
        using var timer = new PeriodicTimer(interval, time);
        var sent = -1;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var done = Volatile.Read(ref _finishedBytes) + Volatile.Read(ref _currentBytes);
                var percent = (int)Math.Min(100, done * 100 / _totalBytes);
                if (percent == sent)
                {
                    continue;
                }

                sent = percent;
                if (!await _reporter.SendProgressAsync(_update, percent, $"{done} of {_totalBytes} bytes", _stop.Token))
                {
                    await abort.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The download ended.
        }
    }
}
