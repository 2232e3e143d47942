using System.Globalization;

namespace Hangar.Bench.Sockets;

/// <summary>A process's resident memory (VmRSS) from /proc, in bytes.</summary>
internal static class ServerMemory
{
    public static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
