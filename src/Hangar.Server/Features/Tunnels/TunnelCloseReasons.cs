namespace Hangar.Server.Features.Tunnels;

/// <summary>Why a tunnel closed, as on the wire (<c>close_reason</c>).</summary>
internal static class TunnelCloseReasons
{
    public const string User = "user";
    public const string Ttl = "ttl";
    /// <summary>The agent dropped it (it restarted, or its tunnels were turned off).</summary>
    public const string Device = "device";
    public const string Server = "server";
    public const string Revoked = "revoked";
    public const string Quarantined = "quarantined";
    public const string RefusedPort = "refused_port";
    public const string TunnelsDisabled = "tunnels_disabled";
    public const string DeviceOffline = "device_offline";

    /// <summary>The agent's refusal codes that become a close reason as they are; any other code closes as <see cref="Device"/>.</summary>
    public static string FromRefusal(string? code) => code is RefusedPort or TunnelsDisabled ? code : Device;
}
