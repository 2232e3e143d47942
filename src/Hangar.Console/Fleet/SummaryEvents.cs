namespace Hangar.Console.Fleet;

/// <summary>
/// The event types after which the fleet summary may read differently: devices coming, going, connecting, changing
/// state or release, and updates and releases changing. (The console does not reference Hangar.Core, where
/// <c>EventTypes</c> names them: that would ship the server's domain assembly to every browser.)
/// </summary>
internal static class SummaryEvents
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "device.created", "device.updated", "device.deleted", "device.connected", "device.disconnected",
        "device.release_changed", "device.claimed_release", "device.healthy", "device.unhealthy",
        "update.status_changed",
        "release.created", "release.updated", "release.deleted", "release.halted", "release.resumed", "release.rolled_back",
    };

    public static bool Changes(string type) => Types.Contains(type);
}
