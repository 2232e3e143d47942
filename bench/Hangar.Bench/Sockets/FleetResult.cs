namespace Hangar.Bench.Sockets;

/// <summary>How opening a fleet's sockets went: open at the end, time taken, refusals (503 Retry-After) and errors by kind.</summary>
internal sealed record FleetResult(int Devices, int Open, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Refused, IReadOnlyDictionary<string, int> Errors)
{
    public override string ToString() =>
        $"{Open:N0} of {Devices:N0} open after {Elapsed.TotalSeconds:0.0} s ({Open / Elapsed.TotalSeconds:0}/s), {Refused.Values.Sum():N0} attempts refused with Retry-After" +
        (Refused.Count == 0 ? "" : " (" + string.Join("; ", Refused.Select(e => $"{e.Value}× {e.Key}")) + ")") + ", " +
        $"{Errors.Values.Sum()} errors" + (Errors.Count == 0 ? "" : " (" + string.Join("; ", Errors.Select(e => $"{e.Value}× {e.Key}")) + ")");
}
