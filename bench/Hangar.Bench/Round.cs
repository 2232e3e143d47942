namespace Hangar.Bench;

/// <summary>
/// One round of measurements. Hangar and bare Kestrel run in this process, beside the driver, so their CPU per
/// handshake is this process's CPU minus what the driver alone costs per handshake, which the nginx run measures
/// (there this process is only the driver and idle servers).
/// </summary>
internal sealed record Round(HandshakeResult Hangar, HandshakeResult? Nginx, HandshakeResult Floor)
{
    public double? Throughput => Hangar.PerSecond / Nginx?.PerSecond;

    public double? DriverMicroseconds => Nginx?.Microseconds(Nginx.ProcessCpu);

    public double? NginxMicroseconds => Nginx?.Microseconds(Nginx.NginxCpu);

    public double? HangarServerMicroseconds => Hangar.Microseconds(Hangar.ProcessCpu) - DriverMicroseconds;

    public double? FloorServerMicroseconds => Floor.Microseconds(Floor.ProcessCpu) - DriverMicroseconds;

    public override string ToString() =>
        $"hangar {Describe(Hangar)}, bare kestrel {Describe(Floor)}" + (Nginx is null ? "" :
            $", nginx {Describe(Nginx)}; hangar/nginx {Throughput:P0}; CPU per handshake: hangar {HangarServerMicroseconds:0} µs, " +
            $"bare kestrel {FloorServerMicroseconds:0} µs, nginx {NginxMicroseconds:0} µs, driver {DriverMicroseconds:0} µs");

    private static string Describe(HandshakeResult result) =>
        $"{result.PerSecond:0}/s" + (result.Failed > 0 ? $" ({result.Failed} failed)" : "");
}
