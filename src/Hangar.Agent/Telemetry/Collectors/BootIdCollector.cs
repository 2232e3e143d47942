namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>The kernel's random id of this boot (<c>/proc/sys/kernel/random/boot_id</c>): a new value means the device rebooted.</summary>
internal static class BootIdCollector
{
    public static string? Read(string root) =>
        SystemFiles.Read(root, "proc/sys/kernel/random/boot_id")?.Trim() is { Length: > 0 and <= 64 } id ? id : null;
}
