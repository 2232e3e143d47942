using Hangar.Contracts.Tunnels;
using Hangar.Core.Resources;
using Hangar.Data.Tunnels;

namespace Hangar.Server.Features.Tunnels;

internal static class TunnelMapping
{
    public static TunnelResponse ToResponse(this Tunnel tunnel, string deviceIdentifier) => new(
        tunnel.Id,
        ResourceName.Format(tunnel.OrganizationId, ResourceTypes.Tunnel, tunnel.Id),
        tunnel.DeviceId,
        deviceIdentifier,
        tunnel.DevicePort,
        tunnel.State.ToWire(),
        tunnel.CloseReason,
        tunnel.CloseMessage,
        CidrAllowlist.Blocks(tunnel.CidrAllowlist),
        tunnel.BytesToDevice,
        tunnel.BytesFromDevice,
        $"/api/v1/tunnels/{tunnel.Id}/connect",
        tunnel.CreatedAt,
        tunnel.OpenedAt,
        tunnel.ExpiresAt,
        tunnel.ClosedAt);

    public static string ToWire(this TunnelState state) => state.ToString().ToLowerInvariant();
}
