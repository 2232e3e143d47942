using System.Diagnostics;
using System.Globalization;

namespace Hangar.Bench;

/// <summary>
/// CPU time used so far by this process, by a process tree (nginx's master and workers) and by processes of one name
/// (PostgreSQL's backends), from /proc. On a shared, noisy machine CPU per request is steadier than requests per
/// second, which depend on what else runs.
/// </summary>
internal static class CpuClock
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static TimeSpan Self()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The process and its direct children (nginx workers are children of the master).</summary>
    public static TimeSpan Tree(int rootId) => Sum((id, _, parent) => id == rootId || parent == rootId);

    /// <summary>Every process whose command name is <paramref name="name"/> (each PostgreSQL backend is a process named <c>postgres</c>).</summary>
    public static TimeSpan Named(string name) => Sum((_, command, _) => command == name);

    private static TimeSpan Sum(Func<int, string, int, bool> include)
    {
        var total = 0.0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }

            // "pid (command) state ppid ...": fields after the parenthesised name, utime(14) stime(15) numbered from 1.
            var command = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (include(id, command, parent))
            {
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
        }

        return TimeSpan.FromSeconds(total);
    }
}
