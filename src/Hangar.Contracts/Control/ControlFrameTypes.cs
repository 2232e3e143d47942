namespace Hangar.Contracts.Control;

/// <summary>The frame types of the control socket. A receiver answers a type it does not know with <see cref="Error"/>.</summary>
public static class ControlFrameTypes
{
    /// <summary>Server → device, first frame: the socket is admitted; <c>data</c> names the node.</summary>
    public const string Hello = "hello";
    /// <summary>Server → device: check for an update now (through the agent's update loop).</summary>
    public const string CheckNow = "check_now";
    /// <summary>Server → device: reboot (refused while an install or an uncommitted trial boot runs).</summary>
    public const string Reboot = "reboot";
    /// <summary>Device → server: the command with this id is being carried out.</summary>
    public const string Ack = "ack";
    /// <summary>Device → server: the command with this id is refused; <c>message</c> says why.</summary>
    public const string Refused = "refused";
    /// <summary>Device → server: keeps an otherwise silent socket from the idle close; answered with <see cref="Pong"/>.</summary>
    public const string Ping = "ping";
    public const string Pong = "pong";
    /// <summary>
    /// Device → server: a telemetry batch in <c>data</c>, as <c>POST /device/v1/telemetry</c> takes it, under the same
    /// limits; answered with <see cref="TelemetryAccepted"/> or <see cref="TelemetryRefused"/> carrying its <c>id</c>.
    /// </summary>
    public const string Telemetry = "telemetry";
    /// <summary>Either way: the frame with this id (or the last frame) was not understood; <c>code</c> and <c>message</c> say why.</summary>
    public const string Error = "error";
    /// <summary>Server → device: the <c>telemetry</c> frame with this id was accepted; <c>data</c> counts its points and heartbeats.</summary>
    public const string TelemetryAccepted = "telemetry_accepted";
    /// <summary>Server → device: the <c>telemetry</c> frame with this id was refused and nothing of it stored; <c>code</c>, <c>message</c> and <c>data</c> say why.</summary>
    public const string TelemetryRefused = "telemetry_refused";

    /// <summary>Server → device: may a tunnel to <c>data.port</c> open? Answered <see cref="Ack"/> or <see cref="Refused"/> (id: the tunnel's).</summary>
    public const string TunnelOpen = "tunnel_open";
    /// <summary>Server → device: a user connected to the tunnel; open the data socket named in <c>data</c> (id: the connection's).</summary>
    public const string TunnelConnect = "tunnel_connect";
    /// <summary>Server → device: the tunnel with this id closed; the agent forgets it and drops its connections.</summary>
    public const string TunnelClose = "tunnel_close";
}
