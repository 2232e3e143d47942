using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Presence;

/// <summary>Section <c>Presence</c>: the control socket (<c>GET /device/v1/connect</c>), presence records and their events.</summary>
internal sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>Presence changes are written in one batch this often; a device that flaps within it costs no write.</summary>
    [Range(10, 60_000)]
    public int FlushMilliseconds { get; set; } = 1000;

    /// <summary>How often a node renews <c>last_seen_at</c> of the devices it holds (one statement) and sweeps expired claims.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>A device whose node has not renewed its presence for this long (the node died) is marked offline by any node.</summary>
    [Range(2, 86_400)]
    public int LeaseSeconds { get; set; } = 90;

    /// <summary>A disconnect followed by a reconnect within this window emits neither <c>device.disconnected</c> nor <c>device.connected</c>.</summary>
    [Range(0, 86_400)]
    public int CoalesceSeconds { get; set; } = 30;

    /// <summary>A frame from a device larger than this closes its socket (close status 1009).</summary>
    [Range(256, 1_048_576)]
    public int MaxFrameBytes { get; set; } = 16_384;

    /// <summary>WebSocket pings are sent this often; a peer that answers none within <see cref="KeepAliveTimeoutSeconds"/> is dropped.</summary>
    [Range(1, 3600)]
    public int KeepAliveSeconds { get; set; } = 30;

    [Range(1, 3600)]
    public int KeepAliveTimeoutSeconds { get; set; } = 30;

    /// <summary>A socket on which the device sent no frame (the agent sends a <c>ping</c> frame now and then) for this long is closed.</summary>
    [Range(1, 86_400)]
    public int IdleTimeoutSeconds { get; set; } = 900;

    /// <summary>Sockets this node admits per second (a token bucket); excess is answered 503 with Retry-After before the upgrade.</summary>
    [Range(1, 1_000_000)]
    public int AdmissionsPerSecond { get; set; } = 500;

    /// <summary>How many admissions may come at once after a quiet spell.</summary>
    [Range(1, 1_000_000)]
    public int AdmissionBurst { get; set; } = 1000;
}
