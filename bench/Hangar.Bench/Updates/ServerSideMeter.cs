namespace Hangar.Bench.Updates;

/// <summary>
/// What each phase of the driver cost on the server side: this process's CPU and allocations (the server runs here)
/// and PostgreSQL's CPU. Sampled when the driver announces a phase on its standard error and when it exits. Per
/// request these are steadier than throughput on a shared machine, so a change to the check shows in them first.
/// </summary>
internal sealed class ServerSideMeter
{
    private const string PhaseMarker = "phase: ";
    private readonly List<(string Phase, Sample At)> _marks = [];

    /// <summary>Reads the driver's progress lines, sampling at each phase start, until the stream ends (the driver exited).</summary>
    public async Task FollowAsync(StreamReader progress)
    {
        while (await progress.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine(line);
            var at = line.IndexOf(PhaseMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                _marks.Add((line[(at + PhaseMarker.Length)..].Trim(), Sample.Now()));
            }
        }

        _marks.Add(("", Sample.Now()));
    }

    /// <summary>Per-request costs of the phase named <paramref name="phase"/>, which completed <paramref name="requests"/> requests.</summary>
    public PhaseCost CostOf(string phase, long requests)
    {
        var index = _marks.FindIndex(m => m.Phase == phase);
        if (index < 0 || index + 1 >= _marks.Count || requests == 0)
        {
            return new PhaseCost(0, 0, 0);
        }

        var (start, end) = (_marks[index].At, _marks[index + 1].At);
        return new PhaseCost(
            (end.ServerCpu - start.ServerCpu).TotalMicroseconds / requests,
            (end.Allocated - start.Allocated) / 1024.0 / requests,
            (end.DatabaseCpu - start.DatabaseCpu).TotalMicroseconds / requests);
    }

    private sealed record Sample(TimeSpan ServerCpu, long Allocated, TimeSpan DatabaseCpu)
    {
        public static Sample Now() => new(CpuClock.Self(), GC.GetTotalAllocatedBytes(precise: false), CpuClock.Named("postgres"));
    }
}

/// <summary>A phase's server-side cost per request: server CPU (µs), server allocations (KiB), PostgreSQL CPU (µs; 0 on SQLite).</summary>
internal sealed record PhaseCost(double ServerCpuMicroseconds, double AllocatedKib, double DatabaseCpuMicroseconds);
