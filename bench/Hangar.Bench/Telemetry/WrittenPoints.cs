using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hangar.Bench.Telemetry;

/// <summary>
/// The server's own count of telemetry points written (<c>hangar.telemetry.written</c>), read in this process where
/// the server runs: counting rows with a query would itself load the database being measured.
/// </summary>
internal sealed class WrittenPoints : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public WrittenPoints()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Hangar.Server.Telemetry" && instrument.Name == "hangar.telemetry.written")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Waits until at least <paramref name="expected"/> points were written in all (the queue drained).</summary>
    public async Task<bool> WaitForAsync(long expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Total < expected && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }

        return Total >= expected;
    }

    public void Dispose() => _listener.Dispose();
}
