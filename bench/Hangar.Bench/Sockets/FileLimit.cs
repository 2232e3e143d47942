using System.Diagnostics;
using System.Globalization;

namespace Hangar.Bench.Sockets;

/// <summary>
/// Makes sure this process may open one descriptor per socket (and the servers it starts afterwards, which inherit
/// the limit): the soft limit is raised with util-linux's prlimit when it is too low. Above the hard limit only a
/// process with CAP_SYS_RESOURCE may go; in a container without it, the hard limit caps the sockets per process.
/// </summary>
internal static class FileLimit
{
    public static void Ensure(int descriptors)
    {
        var (soft, hard) = Current();
        if (soft >= descriptors)
        {
            return;
        }

        var target = Math.Max(descriptors, hard);
        using var prlimit = Process.Start("prlimit", ["--pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), $"--nofile={target}:{target}"]);
        prlimit.WaitForExit();
        if (prlimit.ExitCode != 0 || Current().Soft < descriptors)
        {
            throw new InvalidOperationException($"The open-file limit is {soft} (hard {hard}) and could not be raised to {descriptors}: " +
                "run with fewer devices, or where the hard limit can be raised (root with CAP_SYS_RESOURCE).");
        }
    }

    private static (long Soft, long Hard) Current()
    {
        var fields = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (Parse(fields[3]), Parse(fields[4]));
    }

    private static long Parse(string value) => value == "unlimited" ? long.MaxValue : long.Parse(value, CultureInfo.InvariantCulture);
}
