using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// This node's bounded queue between the intake and the writer, counted in points (a batch of 5,000 weighs more than
/// a heartbeat). A batch that does not fit is refused whole (the device retries after Retry-After) and counted as
/// dropped. Meter <c>Hangar.Server.Telemetry</c>: <c>hangar.telemetry.queue.depth</c> (points waiting),
/// <c>hangar.telemetry.dropped</c> (points refused for a full queue), <c>hangar.telemetry.shed</c> (batches refused
/// unread, the queue too full for a largest one), <c>hangar.telemetry.written</c>.
/// </summary>
internal sealed class TelemetryQueue
{
    public const string MeterName = "Hangar.Server.Telemetry";

    private readonly Channel<TelemetryWork> _channel = Channel.CreateUnbounded<TelemetryWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _capacity;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _written;
    private readonly Counter<long> _shed;
    private long _depth;

    public TelemetryQueue(IOptions<TelemetryOptions> options, IMeterFactory meters)
    {
        _capacity = options.Value.QueueCapacityPoints;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("hangar.telemetry.queue.depth", () => Depth, "{point}", "Telemetry points accepted and not yet written, on this node.");
        _dropped = meter.CreateCounter<long>("hangar.telemetry.dropped", "{point}", "Telemetry points refused because the write queue was full.");
        _shed = meter.CreateCounter<long>("hangar.telemetry.shed", "{batch}",
            "Telemetry batches refused before they were read: the write queue had no room for a largest batch.");
        _written = meter.CreateCounter<long>("hangar.telemetry.written", "{point}", "Telemetry points written to the database.");
    }

    public long Depth => Interlocked.Read(ref _depth);

    /// <summary>Points the queue holds at most (<c>Telemetry:QueueCapacityPoints</c>).</summary>
    public long Capacity => _capacity;

    public ChannelReader<TelemetryWork> Reader => _channel.Reader;

    /// <summary>Queues the batch if its points fit; false (and counted as dropped) if not, or if the node is stopping.</summary>
    public bool TryEnqueue(TelemetryWork work)
    {
        var weight = Math.Max(1, work.Points.Length);
        long depth;
        do
        {
            depth = Interlocked.Read(ref _depth);
            if (depth + weight > _capacity)
            {
                _dropped.Add(work.Points.Length);
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _depth, depth + weight, depth) != depth);

        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }

        Interlocked.Add(ref _depth, -weight);
        _dropped.Add(work.Points.Length);
        return false;
    }

    /// <summary>
    /// Whether a batch should be refused before it is read: the queue holds something and has less room than a batch of
    /// <paramref name="largestBatch"/> points. Counted as shed when so.
    /// </summary>
    public bool Sheds(int largestBatch)
    {
        var depth = Depth;
        if (depth == 0 || depth + largestBatch <= _capacity)
        {
            return false;
        }

        _shed.Add(1);
        return true;
    }

    /// <summary>The writer stored these batches: their room is free again.</summary>
    public void Written(IReadOnlyCollection<TelemetryWork> batches)
    {
        var weight = batches.Sum(w => (long)Math.Max(1, w.Points.Length));
        Interlocked.Add(ref _depth, -weight);
        _written.Add(batches.Sum(w => (long)w.Points.Length));
    }

    /// <summary>No more batches: the writer drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
