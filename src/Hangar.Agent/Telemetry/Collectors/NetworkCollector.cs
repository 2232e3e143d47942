using System.Globalization;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>
/// Bytes received and sent per interface since boot, from <c>/proc/net/dev</c>: after two header lines, one line per
/// interface, "name: rx_bytes rx_packets … (8 receive columns) tx_bytes …". The loopback is left out.
/// </summary>
internal static class NetworkCollector
{
    public static List<HeartbeatNetwork> Read(string root)
    {
        var networks = new List<HeartbeatNetwork>();
        foreach (var line in (SystemFiles.Read(root, "proc/net/dev") ?? "").Split('\n').Skip(2))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var columns = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (name is "" or "lo" || columns.Length < 9
                || !long.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var received)
                || !long.TryParse(columns[8], NumberStyles.None, CultureInfo.InvariantCulture, out var transmitted))
            {
                continue;
            }

            networks.Add(new HeartbeatNetwork(name, received, transmitted));
        }

        return networks;
    }
}
