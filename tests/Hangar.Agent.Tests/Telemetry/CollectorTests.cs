using Hangar.Agent.Configuration;
using Hangar.Agent.Telemetry.Collectors;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>Each collector against the files a Linux kernel writes, copied into a fake system root.</summary>
public sealed class CollectorTests
{
    private const string NetDev = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo: 1234567    1000    0    0    0     0          0         0  1234567    1000    0    0    0     0       0          0
          eth0: 987654321  654321    0   12    0     0          0      1234 123456789  98765    0    0    0     0       0          0
         wlan0:       0       0    0    0    0     0          0         0        42       1    0    0    0     0       0          0
        """;

    [Fact]
    public void Uptime_IsTheFirstNumberOfProcUptime_InWholeSeconds()
    {
        using var root = new SystemRootFixture().With("proc/uptime", "350735.47 234388.90\n");

        Assert.Equal(350735, UptimeCollector.Read(root.Path));
    }

    [Fact]
    public void Load_IsTheFirstThreeNumbersOfProcLoadavg()
    {
        using var root = new SystemRootFixture().With("proc/loadavg", "0.52 1.25 2.00 2/345 6789\n");

        Assert.Equal((0.52, 1.25, 2.00), LoadCollector.Read(root.Path)!.Value);
    }

    [Fact]
    public void Memory_IsMemTotalAndMemAvailable_InBytes()
    {
        using var root = new SystemRootFixture().With("proc/meminfo",
            "MemTotal:        8048312 kB\nMemFree:          412340 kB\nMemAvailable:    5123456 kB\nBuffers:          123456 kB\n");

        Assert.Equal((8048312L * 1024, 5123456L * 1024), MemoryCollector.Read(root.Path));
    }

    [Fact]
    public void Temperature_IsEachZonesMillidegrees_NamedByTypeUnlessTheTypeIsShared()
    {
        using var root = new SystemRootFixture()
            .With("sys/class/thermal/thermal_zone0/temp", "45123\n").With("sys/class/thermal/thermal_zone0/type", "cpu-thermal\n")
            .With("sys/class/thermal/thermal_zone1/temp", "-5000\n").With("sys/class/thermal/thermal_zone1/type", "acpitz\n")
            .With("sys/class/thermal/thermal_zone2/temp", "30000\n").With("sys/class/thermal/thermal_zone2/type", "acpitz\n")
            .With("sys/class/thermal/thermal_zone3/temp", "unavailable\n");

        Assert.Equal(
            new HeartbeatTemperature[] { new("cpu-thermal", 45.123), new("thermal_zone1", -5), new("thermal_zone2", 30) },
            TemperatureCollector.Read(root.Path));
    }

    [Fact]
    public void Network_IsEachInterfacesReceivedAndTransmittedBytes_WithoutLoopback()
    {
        using var root = new SystemRootFixture().With("proc/net/dev", NetDev);

        Assert.Equal(new HeartbeatNetwork[] { new("eth0", 987654321, 123456789), new("wlan0", 0, 42) }, NetworkCollector.Read(root.Path));
    }

    [Fact]
    public void BootId_IsTheKernelsBootId()
    {
        using var root = new SystemRootFixture().With("proc/sys/kernel/random/boot_id", "5d0a9bd6-29a5-4f2b-9bd7-7b6c3b2b52f0\n");

        Assert.Equal("5d0a9bd6-29a5-4f2b-9bd7-7b6c3b2b52f0", BootIdCollector.Read(root.Path));
    }

    [Fact]
    public void Disk_ReportsEachConfiguredMountThatExists_WithItsSizeAndFreeSpace()
    {
        using var root = new SystemRootFixture().With("data/file", "x");

        var disks = DiskCollector.Read(root.Path, ["/data", "/missing"]);

        var disk = Assert.Single(disks);
        Assert.Equal("/data", disk.Mount);
        Assert.True(disk.TotalBytes > 0 && disk.AvailableBytes >= 0 && disk.AvailableBytes <= disk.TotalBytes, $"{disk}");
    }

    [Fact]
    public void Heartbeat_FromAFullRoot_CarriesEveryCollectorsNumbers_AndTheAgentVersion()
    {
        using var root = new SystemRootFixture()
            .With("proc/uptime", "100.5 50.0\n").With("proc/loadavg", "0.10 0.20 0.30 1/100 42\n")
            .With("proc/meminfo", "MemTotal: 2048 kB\nMemAvailable: 1024 kB\n").With("proc/net/dev", NetDev)
            .With("sys/class/thermal/thermal_zone0/temp", "50000\n").With("proc/sys/kernel/random/boot_id", "b-1\n");
        var time = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var heartbeat = new HeartbeatCollector(new TelemetryConfig { SystemRoot = root.Path, Mounts = ["/"] }).Collect(time);

        Assert.Equal(time, heartbeat.Time);
        Assert.Equal((100L, 0.10, 0.20, 0.30, 2048L * 1024, 1024L * 1024), (heartbeat.UptimeSeconds, heartbeat.Load1, heartbeat.Load5, heartbeat.Load15,
            heartbeat.MemoryTotalBytes, heartbeat.MemoryAvailableBytes));
        Assert.Equal("/", Assert.Single(heartbeat.Disks!).Mount);
        Assert.Equal(2, heartbeat.Networks!.Count);
        Assert.Equal(50, Assert.Single(heartbeat.Temperatures!).Celsius);
        Assert.Equal("b-1", heartbeat.BootId);
        Assert.False(string.IsNullOrEmpty(heartbeat.AgentVersion));
        // uptime, three loads, two memory numbers, the disk's two and each interface's two, the zone.
        Assert.Equal(6 + 2 + 4 + 1, HeartbeatCollector.Points(heartbeat));
    }

    [Fact]
    public void Heartbeat_FromAnEmptyRoot_ReportsNothingButItsTimeAndVersion()
    {
        using var root = new SystemRootFixture();

        var heartbeat = new HeartbeatCollector(new TelemetryConfig { SystemRoot = root.Path, Mounts = ["/data"] }).Collect(DateTime.UnixEpoch);

        Assert.Equal(0, HeartbeatCollector.Points(heartbeat));
        Assert.Null(heartbeat.UptimeSeconds);
        Assert.Null(heartbeat.BootId);
    }
}
