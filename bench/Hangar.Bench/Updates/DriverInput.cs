namespace Hangar.Bench.Updates;

/// <summary>What the load-driver process needs: where to connect, what to trust, and each simulated device.</summary>
internal sealed record DriverInput(string DeviceBaseAddress, string ServerCaPem, int Workers, int PhaseSeconds, IReadOnlyList<DriverDevice> Devices);

/// <summary>One simulated device: its certificate and key, and what it reports running on each check.</summary>
internal sealed record DriverDevice(string CertificatePem, string KeyPem, string? Release, string? Bundle, string? Version);
