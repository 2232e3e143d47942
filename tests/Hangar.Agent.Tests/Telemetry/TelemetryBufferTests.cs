using Hangar.Agent.Telemetry;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>The bounded buffer: batches from the oldest, removed once answered, the oldest dropped and counted when full.</summary>
public sealed class TelemetryBufferTests
{
    private static MetricPointRequest Point(int value) => new("app.value", value, DateTime.UnixEpoch.AddSeconds(value));

    [Fact]
    public void Peek_TakesTheOldestUpToTheBatchSize_AndRemoveDropsThemOnce()
    {
        var buffer = new TelemetryBuffer(100);
        for (var i = 0; i < 5; i++)
        {
            buffer.Add(Point(i));
        }

        var (first, through) = buffer.Peek(3)!.Value;
        Assert.Equal([0.0, 1, 2], first.Metrics!.Select(m => m.Value));
        buffer.Remove(through);

        var (second, _) = buffer.Peek(3)!.Value;
        Assert.Equal([3.0, 4], second.Metrics!.Select(m => m.Value));
        Assert.Equal(2, buffer.Points);
    }

    [Fact]
    public void Full_DropsTheOldest_AndCountsThem()
    {
        var buffer = new TelemetryBuffer(3);

        for (var i = 0; i < 5; i++)
        {
            buffer.Add(Point(i));
        }

        Assert.Equal(2, buffer.Dropped);
        Assert.Equal([2.0, 3, 4], buffer.Peek(10)!.Value.Batch.Metrics!.Select(m => m.Value));
    }

    [Fact]
    public void DropWhileABatchIsOut_RemovesOnlyWhatTheBatchHeld()
    {
        var buffer = new TelemetryBuffer(3);
        buffer.Add(Point(0));
        buffer.Add(Point(1));
        var (_, through) = buffer.Peek(2)!.Value;

        // Two more arrive while the batch is on its way: point 0 is dropped to make room.
        buffer.Add(Point(2));
        buffer.Add(Point(3));
        buffer.Remove(through);

        Assert.Equal([2.0, 3], buffer.Peek(10)!.Value.Batch.Metrics!.Select(m => m.Value));
    }

    [Fact]
    public void Heartbeat_WeighsItsPoints_AndGoesInTheBatchsHeartbeats()
    {
        var buffer = new TelemetryBuffer(100);
        buffer.Add(new HeartbeatRequest(DateTime.UnixEpoch, UptimeSeconds: 1, Load1: 1, Disks: [new HeartbeatDisk("/", 10, 5)]));
        buffer.Add(Point(1));

        var (batch, _) = buffer.Peek(4)!.Value;

        Assert.Equal(5, buffer.Points);
        Assert.Single(batch.Heartbeats!);
        Assert.Null(batch.Metrics);
    }

    [Fact]
    public void Empty_PeeksNothing() => Assert.Null(new TelemetryBuffer(10).Peek(10));
}
