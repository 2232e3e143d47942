using System.Diagnostics;
using System.Globalization;

namespace Hangar.Bench.Sockets;

/// <summary>
/// Raises this process's open-file limit (one descriptor per socket, 20,000 of them and more) with util-linux's
/// prlimit; the servers started afterwards inherit it. Raising the hard limit needs root (or CAP_SYS_RESOURCE).
/// </summary>
internal static class FileLimit
{
    public static void Raise(int descriptors)
    {
        using var prlimit = Process.Start("prlimit", ["--pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            $"--nofile={descriptors}:{descriptors}"]);
        prlimit.WaitForExit();
        if (prlimit.ExitCode != 0)
        {
            throw new InvalidOperationException($"prlimit could not raise the open-file limit to {descriptors} (run as root, or raise `ulimit -n` first).");
        }
    }
}
