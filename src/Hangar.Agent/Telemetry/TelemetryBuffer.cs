using Hangar.Agent.Telemetry.Collectors;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Telemetry;

/// <summary>
/// What the agent collected and has not delivered yet, bounded by points (a heartbeat weighs its numbers): when it is
/// full the oldest go first, and <see cref="Dropped"/> counts them. Delivery takes a batch from the front
/// (<see cref="Peek"/>) and removes it only once the server answered (<see cref="Remove"/>), so nothing is lost to a
/// dropped connection; each entry's sequence number keeps a drop meanwhile from removing the wrong entries.
/// </summary>
internal sealed class TelemetryBuffer(int capacityPoints)
{
    private readonly Queue<Entry> _entries = new();
    private readonly Lock _lock = new();
    private long _next;
    private int _points;
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Points
    {
        get
        {
            lock (_lock)
            {
                return _points;
            }
        }
    }

    public void Add(MetricPointRequest metric) => Add(new Entry(0, metric, null, 1));

    public void Add(HeartbeatRequest heartbeat) => Add(new Entry(0, null, heartbeat, Math.Max(1, HeartbeatCollector.Points(heartbeat))));

    /// <summary>The oldest entries, up to <paramref name="maxPoints"/> points (at least one entry), and the last one's sequence number.</summary>
    public (TelemetryBatchRequest Batch, long Through)? Peek(int maxPoints)
    {
        lock (_lock)
        {
            var metrics = new List<MetricPointRequest>();
            var heartbeats = new List<HeartbeatRequest>();
            var points = 0;
            long through = -1;
            foreach (var entry in _entries)
            {
                if (through >= 0 && points + entry.Points > maxPoints)
                {
                    break;
                }

                if (entry.Metric is { } metric)
                {
                    metrics.Add(metric);
                }
                else
                {
                    heartbeats.Add(entry.Heartbeat!);
                }

                points += entry.Points;
                through = entry.Sequence;
            }

            return through < 0 ? null : (new TelemetryBatchRequest(metrics.Count > 0 ? metrics : null, heartbeats.Count > 0 ? heartbeats : null), through);
        }
    }

    /// <summary>Removes the entries up to and including sequence number <paramref name="through"/> (those still there).</summary>
    public void Remove(long through)
    {
        lock (_lock)
        {
            while (_entries.TryPeek(out var entry) && entry.Sequence <= through)
            {
                _points -= _entries.Dequeue().Points;
            }
        }
    }

    private void Add(Entry entry)
    {
        lock (_lock)
        {
            _entries.Enqueue(entry with { Sequence = _next++ });
            _points += entry.Points;
            while (_points > capacityPoints && _entries.Count > 1)
            {
                _points -= _entries.Dequeue().Points;
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    private sealed record Entry(long Sequence, MetricPointRequest? Metric, HeartbeatRequest? Heartbeat, int Points);
}
