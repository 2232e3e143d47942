using System.Globalization;
using System.Text;

namespace Hangar.Bench.Telemetry;

/// <summary>
/// The batch a device sends: 20 names × 250 instants, its timestamps moving forward with each batch of the same device,
/// as a device's clock does. (Until 2026-12-06 every batch re-sent one body with the same 250 timestamps, so each
/// insert landed among ever more duplicates in the middle of its series' index range, and the rounds slowed as the
/// table grew — an artifact no device produces.) The JSON is built once; each send copies it and rewrites the
/// fixed-width timestamps in place, so the driver spends microseconds, not a serialization, per batch.
/// </summary>
internal sealed class BatchBodies
{
    public const int Names = 20;
    public const int Instants = 250;

    /// <summary>Instants 100 ms apart: a batch spans 25 s, and thousands of batches per device stay within a day.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(100);

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly byte[] _template;
    private readonly int[] _timeOffsets;
    private readonly long[] _batches;
    private readonly DateTime _start;

    public BatchBodies(int devices, DateTime start)
    {
        _batches = new long[devices];
        _start = start;
        var json = new StringBuilder("{\"metrics\":[");
        _timeOffsets = new int[Names * Instants];
        for (var t = 0; t < Instants; t++)
        {
            for (var n = 0; n < Names; n++)
            {
                var value = ((t * 7 + n) % 100 / 3.0).ToString("R", CultureInfo.InvariantCulture);
                json.Append(CultureInfo.InvariantCulture, $"{(json.Length > 12 ? "," : "")}{{\"name\":\"bench.metric_{n:00}\",\"value\":{value},\"time\":\"");
                _timeOffsets[t * Names + n] = json.Length;
                json.Append(start.ToString(TimeFormat, CultureInfo.InvariantCulture)).Append("\"}");
            }
        }

        _template = Encoding.ASCII.GetBytes(json.Append("]}").ToString());
    }

    public int Length => _template.Length;

    /// <summary>The device's next batch: the 250 instants after those of its previous batch.</summary>
    public byte[] Next(int device)
    {
        var batch = Interlocked.Increment(ref _batches[device]) - 1;
        var body = (byte[])_template.Clone();
        for (var t = 0; t < Instants; t++)
        {
            var time = _start + (batch * Instants + t) * Spacing;
            for (var n = 0; n < Names; n++)
            {
                time.TryFormat(body.AsSpan(_timeOffsets[t * Names + n]), out _, TimeFormat, CultureInfo.InvariantCulture);
            }
        }

        return body;
    }
}
