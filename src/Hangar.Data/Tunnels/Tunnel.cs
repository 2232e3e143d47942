namespace Hangar.Data.Tunnels;

/// <summary>
/// A time-limited TCP tunnel from users to one port on one device, relayed over WebSockets (docs/tunnels.md). The
/// single-tunnel token is kept only as its SHA-256 digest; the byte counters add up every relayed connection.
/// </summary>
public sealed class Tunnel : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid DeviceId { get; init; }
    public required int DevicePort { get; init; }

    /// <summary>CIDR blocks the user side may connect from, separated by single spaces; empty allows any address.</summary>
    public required string CidrAllowlist { get; init; }

    public required TunnelState State { get; set; }

    /// <summary>Why it closed (<c>TunnelCloseReasons</c> on the server), once closed.</summary>
    public string? CloseReason { get; set; }

    /// <summary>What the agent said when it refused the tunnel, if it did.</summary>
    public string? CloseMessage { get; set; }

    public required byte[] TokenHash { get; set; }
    public Guid? CreatedByUserId { get; init; }
    public long BytesToDevice { get; set; }
    public long BytesFromDevice { get; set; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? OpenedAt { get; set; }
    public required DateTime ExpiresAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public required DateTime UpdatedAt { get; set; }
}
